package org.baiti.ranking;

import java.util.List;

import org.baiti.contest.Contesting;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Public ranking API (docs/api.md): never a phone number, the unit by its name. */
@RestController
class RankingController {

    private final Ranking ranking;
    private final Contesting contesting;

    RankingController(Ranking ranking, Contesting contesting) {
        this.ranking = ranking;
        this.contesting = contesting;
    }

    /** {@code limit} defaults to 100 and is clamped to 1..1000; {@code offset} pages further down. */
    @GetMapping("/api/contests/{id}/ranking")
    List<RankingRow> ranking(@PathVariable long id, @RequestParam(defaultValue = "100") int limit,
                             @RequestParam(defaultValue = "0") int offset) {
        List<RankingRow> page = ranking.page(id, offset, limit);
        if (page.isEmpty()) { // entries exist only for a contest that exists: look it up (404) only without any
            contesting.get(id);
        }
        return page;
    }
}
