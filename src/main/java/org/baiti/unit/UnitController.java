package org.baiti.unit;

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

/** Unit tree API: import (admin), attention marks (admin), and the picker search (participants). */
@RestController
class UnitController {

    private final UnitImport unitImport;
    private final Units units;

    UnitController(UnitImport unitImport, Units units) {
        this.unitImport = unitImport;
        this.units = units;
    }

    @PostMapping("/api/admin/contests/{id}/units")
    ImportResult importUnits(@PathVariable long id, @RequestParam("file") MultipartFile file, Principal who)
            throws IOException {
        return unitImport.importFile(id, file.getOriginalFilename() == null ? "units" : file.getOriginalFilename(),
                file.getInputStream(), who.getName());
    }

    @GetMapping("/api/admin/contests/{id}/units")
    List<Unit> all(@PathVariable long id) {
        return unitImport.all(id);
    }

    @GetMapping("/api/admin/contests/{id}/units/{code}")
    Unit one(@PathVariable long id, @PathVariable String code) {
        return unitImport.one(id, code);
    }

    /** Body {@code {"score": 0..100}}. */
    @PutMapping("/api/admin/contests/{id}/units/{code}/attention")
    Map<String, Object> attention(@PathVariable long id, @PathVariable String code, @RequestBody AttentionMark mark) {
        unitImport.setAttention(id, code, mark == null ? null : mark.score());
        return Map.of("code", code, "attention", mark.score());
    }

    /** Public: units matching a text, for the participant's unit picker (codes and names only). */
    @GetMapping("/api/contests/{id}/units")
    List<Map<String, Object>> search(@PathVariable long id, @RequestParam(defaultValue = "") String q,
                                     @RequestParam(defaultValue = "20") int limit) {
        return units.search(id, q.strip(), Math.max(1, Math.min(limit, 50))).stream()
                .map(u -> Map.<String, Object>of("code", u.code(), "name", u.name(), "depth", u.depth(),
                        "top", u.topCode()))
                .toList();
    }

    record AttentionMark(Integer score) {
    }
}
