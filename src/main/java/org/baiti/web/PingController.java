package org.baiti.web;

import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A public endpoint that does nothing: it goes through the same filters, Spring MVC and JSON writer as every API
 * call but touches no database, so the benchmarks can read other figures as a share of what the HTTP stack itself
 * does on the same machine.
 */
@RestController
class PingController {

    private static final Map<String, Boolean> OK = Map.of("ok", true);

    @GetMapping("/api/ping")
    Map<String, Boolean> ping() {
        return OK;
    }
}
