package org.baiti.anticheat;

import java.util.List;

import org.baiti.contest.Contesting;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The review list as JSON (organizers, administrators, auditors): attempts with signals, phones masked. */
@RestController
class ReviewApi {

    private final Signals signals;
    private final Contesting contesting;

    ReviewApi(Signals signals, Contesting contesting) {
        this.signals = signals;
        this.contesting = contesting;
    }

    @GetMapping("/api/admin/contests/{id}/signals")
    List<Review> list(@PathVariable long id, @RequestParam(defaultValue = "1000") int limit) {
        contesting.get(id);
        return signals.review(id, limit);
    }
}
