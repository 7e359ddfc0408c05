package org.baiti.bank;

import java.io.IOException;
import java.security.Principal;
import java.util.List;

import org.baiti.contest.ImportResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Question bank admin API (docs/api.md). */
@RestController
class BankController {

    private final BankImport bankImport;

    BankController(BankImport bankImport) {
        this.bankImport = bankImport;
    }

    @PostMapping("/api/admin/contests/{id}/bank")
    ImportResult importBank(@PathVariable long id, @RequestParam("file") MultipartFile file, Principal who)
            throws IOException {
        return bankImport.importFile(id, file.getOriginalFilename() == null ? "bank" : file.getOriginalFilename(),
                file.getInputStream(), who.getName());
    }

    @GetMapping("/api/admin/contests/{id}/bank")
    List<Question> bank(@PathVariable long id) {
        return bankImport.all(id);
    }
}
