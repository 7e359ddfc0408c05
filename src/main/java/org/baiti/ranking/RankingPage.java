package org.baiti.ranking;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.baiti.contest.Contest;
import org.baiti.contest.Contesting;
import org.baiti.refusal.Refusal;
import org.baiti.settings.SiteSettings;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** The public ranking page, server-rendered and phone-first. */
@Controller
class RankingPage {

    private final Ranking ranking;
    private final Contesting contesting;
    private final Clock clock;
    private final ZoneId zone;

    RankingPage(Ranking ranking, Contesting contesting, Clock clock,
                SiteSettings site) {
        this.ranking = ranking;
        this.contesting = contesting;
        this.clock = clock;
        this.zone = site.timeZone();
    }

    /** One line as the page shows it (the template shows the figures with web.Figures). */
    record Line(long rank, String name, String unit, double accuracy, long durationMs, boolean awarded) {
    }

    @GetMapping("/c/{id}/ranking")
    String page(@PathVariable long id, @RequestParam(defaultValue = "100") int limit, Model model) {
        Contest contest;
        try {
            contest = contesting.get(id);
        } catch (Refusal e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        int quota = contest.onlineQuota();
        List<Line> lines = ranking.page(id, 0, limit).stream()
                .map(r -> new Line(r.rank(), r.name(), r.unit(), r.accuracy(), r.durationMs(),
                        r.rank() <= quota))
                .toList();
        Instant now = Instant.now(clock);
        model.addAttribute("contest", contest);
        model.addAttribute("lines", lines);
        model.addAttribute("total", ranking.count(id));
        model.addAttribute("open", contest.isOpenAt(now));
        model.addAttribute("notYet", now.isBefore(contest.opensAt()));
        model.addAttribute("zone", zone);
        return "ranking/ranking";
    }
}
