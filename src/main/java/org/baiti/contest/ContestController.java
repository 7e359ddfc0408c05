package org.baiti.contest;

import java.util.List;

import org.baiti.security.Staff;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Admin API for contests (docs/api.md). */
@RestController
@RequestMapping("/api/admin/contests")
class ContestController {

    private final Contesting contesting;

    ContestController(Contesting contesting) {
        this.contesting = contesting;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Contest create(@RequestBody ContestSettings settings) {
        return contesting.create(settings);
    }

    /** All contests; a coordinator sees only the contest of its unit. */
    @GetMapping
    List<Contest> all() {
        Staff staff = Staff.current().orElse(null);
        return contesting.all().stream().filter(c -> staff == null || staff.seesContest(c.id())).toList();
    }

    @GetMapping("/{id}")
    Contest one(@PathVariable long id) {
        Contest c = contesting.get(id);
        Staff.current().ifPresent(s -> s.requireContest(id));
        return c;
    }

    @PutMapping("/{id}")
    Contest update(@PathVariable long id, @RequestBody ContestSettings settings) {
        return contesting.update(id, settings);
    }

    @PostMapping("/{id}/freeze")
    Contest freeze(@PathVariable long id) {
        return contesting.freeze(id);
    }
}
