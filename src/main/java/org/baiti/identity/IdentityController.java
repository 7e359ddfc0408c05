package org.baiti.identity;

import java.io.IOException;
import java.security.Principal;
import java.util.List;
import java.util.Map;

import org.baiti.contest.ImportResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The roster (staff) and one-time codes (participants). */
@RestController
class IdentityController {

    private final RosterImport rosterImport;
    private final ParticipantIdentity identity;

    IdentityController(RosterImport rosterImport, ParticipantIdentity identity) {
        this.rosterImport = rosterImport;
        this.identity = identity;
    }

    /** Public: body {@code {"phone"}}; sends a one-time code when the contest uses them. */
    @PostMapping("/api/contests/{id}/codes")
    Map<String, Object> sendCode(@PathVariable long id, @RequestBody(required = false) PhoneBody body) {
        return identity.sendCode(id, body == null ? null : body.phone());
    }

    @PostMapping("/api/admin/contests/{id}/roster")
    ImportResult importRoster(@PathVariable long id, @RequestParam("file") MultipartFile file, Principal who)
            throws IOException {
        return rosterImport.importFile(id, file.getOriginalFilename() == null ? "roster" : file.getOriginalFilename(),
                file.getInputStream(), who.getName());
    }

    @GetMapping("/api/admin/contests/{id}/roster")
    Map<String, Object> roster(@PathVariable long id) {
        List<RosterEntry> entries = rosterImport.all(id);
        return Map.of("required", identity.rosterRequired(id), "entries", entries.stream()
                .map(e -> Map.of("name", e.name(), "phone", e.phone(), "unit", e.unitCode())).toList());
    }

    /** Body {@code {"required": true|false}}. */
    @PutMapping("/api/admin/contests/{id}/roster-required")
    Map<String, Object> required(@PathVariable long id, @RequestBody(required = false) Required body) {
        boolean required = body != null && Boolean.TRUE.equals(body.required());
        return Map.of("rosterRequired", identity.setRosterRequired(id, required));
    }

    record PhoneBody(String phone) {
    }

    record Required(Boolean required) {
    }
}
