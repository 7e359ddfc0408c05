package org.baiti.contest;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Admin API for contests (API.md). */
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

    @GetMapping
    List<Contest> all() {
        return contesting.all();
    }

    @GetMapping("/{id}")
    Contest one(@PathVariable long id) {
        return contesting.get(id);
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
