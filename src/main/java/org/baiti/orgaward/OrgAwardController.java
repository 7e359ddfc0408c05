package org.baiti.orgaward;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/admin/contests/{id}/org-awards} (docs/api.md): every unit's figures, score and rank, in award order. */
@RestController
class OrgAwardController {

    private final OrgAwarding awarding;

    OrgAwardController(OrgAwarding awarding) {
        this.awarding = awarding;
    }

    @GetMapping("/api/admin/contests/{id}/org-awards")
    List<OrgAwardFormula.Line> orgAwards(@PathVariable long id) {
        return awarding.breakdown(id);
    }
}
