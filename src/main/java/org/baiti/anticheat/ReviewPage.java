package org.baiti.anticheat;

import java.time.ZoneId;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.baiti.contest.Contesting;
import org.baiti.refusal.Refusal;
import org.baiti.settings.SiteSettings;
import org.baiti.unit.Units;
import org.baiti.web.ApiErrors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The organizer's review page of attempts with anti-cheat signals. */
@Controller
class ReviewPage {

    private final Signals signals;
    private final Units units;
    private final Contesting contesting;
    private final ZoneId zone;
    private final ApiErrors errors;

    ReviewPage(Signals signals, Units units, Contesting contesting, ApiErrors errors, SiteSettings site) {
        this.signals = signals;
        this.units = units;
        this.errors = errors;
        this.contesting = contesting;
        this.zone = site.timeZone();
    }

    @GetMapping("/admin/contests/{id}/review")
    String page(@PathVariable long id, Model model) {
        model.addAttribute("contest", contesting.get(id));
        List<Review> reviews = signals.review(id, 1000);
        model.addAttribute("reviews", reviews);
        // a unit by its name, as on the other staff pages (the API lists the codes)
        model.addAttribute("unitNames", units.names(id, reviews.stream().map(Review::unit).distinct().toList()));
        model.addAttribute("zone", zone);
        return "admin/review";
    }

    @ExceptionHandler(Refusal.class)
    String refused(Refusal e, HttpServletRequest request, HttpServletResponse response, Model model) {
        return errors.page(request, response, model, e);
    }
}
