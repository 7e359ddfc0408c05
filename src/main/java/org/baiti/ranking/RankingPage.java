package org.baiti.ranking;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import org.baiti.contest.Contest;
import org.baiti.contest.Contesting;
import org.baiti.refusal.Refusal;
import org.springframework.beans.factory.annotation.Value;
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
                @Value("${baiti.time-zone:Asia/Shanghai}") String zone) {
        this.ranking = ranking;
        this.contesting = contesting;
        this.clock = clock;
        this.zone = ZoneId.of(zone);
    }

    /** One line as the page shows it. */
    record Line(long rank, String name, String unit, String accuracy, String duration, boolean awarded) {
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
                .map(r -> new Line(r.rank(), r.name(), r.unit(), percent(r.accuracy()), duration(r.durationMs()),
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

    /** 100% / 95.0%, rounded down so that only a perfect score shows 100%. */
    static String percent(double accuracy) {
        if (accuracy >= 1.0) {
            return "100%";
        }
        return String.format(Locale.ROOT, "%.1f%%", Math.floor(accuracy * 1000 + 1e-9) / 10);
    }

    /** 12分05.345秒, or 45.120秒 under a minute: the server's milliseconds, nothing rounded away. */
    static String duration(long ms) {
        long minutes = ms / 60_000;
        long rest = ms % 60_000;
        String seconds = String.format(Locale.ROOT, "%02d.%03d", rest / 1000, rest % 1000);
        return minutes > 0 ? minutes + "分" + seconds + "秒" : seconds.replaceFirst("^0(?=\\d\\.)", "") + "秒";
    }
}
