package org.baiti.rules;

import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.ViewResolver;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;

/**
 * The rules Baiti follows, in its own words, for anyone who checks the awards: ranking order, the draw algorithm
 * with a worked example computed by the product's code, the organization award formula, the import formats.
 * Chinese by default; English when the browser asks for it ({@code Accept-Language: en}) or with {@code ?lang=en}.
 */
@Controller
@ConditionalOnWebApplication // the command line (purge, import offline) has no view resolver
class RulesPage {

    private final ViewResolver views;

    RulesPage(@Qualifier("thymeleafViewResolver") ViewResolver views) {
        this.views = views;
    }

    @GetMapping("/rules")
    ModelAndView rules(@RequestParam(required = false) String lang, Locale requested, HttpServletResponse response)
            throws Exception {
        Locale locale = pick(lang, requested);
        response.setHeader("Content-Language", locale.toLanguageTag());
        response.setHeader("Vary", "Accept-Language");
        // The view is resolved for the chosen language here: ?lang= overrides the Accept-Language header for this page
        // only, without a site-wide locale switch.
        View view = views.resolveViewName("rules/rules", locale);
        return new ModelAndView(view, Map.of(
                "english", locale.getLanguage().equals("en"),
                "draw", RulesExample.draw(),
                "drawK", RulesExample.K,
                "drawSeed", RulesExample.SEED,
                "org", RulesExample.org(),
                "orgWeights", RulesExample.WEIGHTS,
                "orgQuota", RulesExample.ORG_QUOTA));
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

    static Locale pick(String lang, Locale requested) {
        if (lang != null) {
            String l = lang.strip().toLowerCase(Locale.ROOT);
            if (l.startsWith("en")) {
                return Locale.ENGLISH;
            }
            if (l.startsWith("zh")) {
                return Locale.SIMPLIFIED_CHINESE;
            }
        }
        return requested != null && "en".equals(requested.getLanguage()) ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
    }
}
