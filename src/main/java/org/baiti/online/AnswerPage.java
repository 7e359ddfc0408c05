package org.baiti.online;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

import org.baiti.contest.Contest;
import org.baiti.contest.Contesting;
import org.baiti.identity.ParticipantIdentity;
import org.baiti.refusal.Refusal;
import org.baiti.settings.SiteSettings;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * The participant's page: identify, answer, submit, result. The first screen is server-rendered; one small
 * script ({@code /js/answer.js}) drives the rest over the JSON API.
 */
@Controller
class AnswerPage {

    private final Contesting contesting;
    private final Clock clock;
    private final ZoneId zone;
    private final ParticipantIdentity identity;

    AnswerPage(Contesting contesting, Clock clock, ParticipantIdentity identity,
               SiteSettings site) {
        this.contesting = contesting;
        this.identity = identity;
        this.clock = clock;
        this.zone = site.timeZone();
    }

    @GetMapping("/c/{id}")
    String page(@PathVariable long id, Model model) {
        Contest contest;
        try {
            contest = contesting.get(id);
        } catch (Refusal e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        Instant now = Instant.now(clock);
        model.addAttribute("contest", contest);
        model.addAttribute("open", contest.isOpenAt(now));
        model.addAttribute("notYet", !contest.frozen() && now.isBefore(contest.opensAt()));
        model.addAttribute("zone", zone);
        model.addAttribute("minutes", (contest.timeLimitSeconds() + 59) / 60);
        model.addAttribute("codes", identity.codesRequired());
        return "online/answer";
    }
}
