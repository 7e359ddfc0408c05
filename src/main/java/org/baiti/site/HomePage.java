package org.baiti.site;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

import org.baiti.contest.Contesting;
import org.baiti.settings.SiteSettings;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The public front page: the contests open now and the ones that are over. */
@Controller
class HomePage {

    private final Contesting contesting;
    private final Clock clock;
    private final ZoneId zone;

    HomePage(Contesting contesting, Clock clock, SiteSettings site) {
        this.contesting = contesting;
        this.clock = clock;
        this.zone = site.timeZone();
    }

    @GetMapping("/")
    String home(Model model) {
        Instant now = Instant.now(clock);
        model.addAttribute("open", contesting.all().stream().filter(c -> c.isOpenAt(now)).toList());
        model.addAttribute("other", contesting.all().stream().filter(c -> !c.isOpenAt(now)).toList());
        model.addAttribute("zone", zone);
        return "home";
    }
}
