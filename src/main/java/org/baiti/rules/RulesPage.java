package org.baiti.rules;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The rules Baiti follows, in its own words, for anyone who checks the awards: ranking order, the draw algorithm
 * with a worked example computed by the product's code, the organization award formula, the import formats.
 * In the request's language like every page (web.Languages: Chinese unless the browser asks for English, or the
 * language switch's {@code ?lang=en}).
 */
@Controller
class RulesPage {

    @GetMapping("/rules")
    String rules(Model model, HttpServletResponse response) {
        response.setHeader("Vary", "Accept-Language");
        model.addAttribute("draw", RulesExample.draw());
        model.addAttribute("drawK", RulesExample.K);
        model.addAttribute("drawSeed", RulesExample.SEED);
        model.addAttribute("org", RulesExample.org());
        model.addAttribute("orgWeights", RulesExample.WEIGHTS);
        model.addAttribute("orgQuota", RulesExample.ORG_QUOTA);
        return "rules/rules";
    }

    /** The sample offline results file of the demo folder (columns: docs/offline-import.md and this page). */
    @GetMapping("/rules/offline-results-sample.csv")
    org.springframework.http.ResponseEntity<byte[]> offlineSample() throws java.io.IOException {
        byte[] body;
        try (java.io.InputStream in = new org.springframework.core.io.ClassPathResource("demo/offline-results.csv")
                .getInputStream()) {
            body = in.readAllBytes();
        }
        return org.springframework.http.ResponseEntity.ok()
                .contentType(new org.springframework.http.MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header("Content-Disposition", "attachment; filename=\"offline-results-sample.csv\"")
                .body(body);
    }
}
