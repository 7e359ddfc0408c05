package org.baiti.draw;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.baiti.contest.Contest;
import org.baiti.contest.Contesting;
import org.baiti.contest.TypedConfirmation;
import org.baiti.refusal.Reason;
import org.baiti.refusal.Refusal;
import org.baiti.settings.SiteSettings;
import org.baiti.web.ApiError;
import org.baiti.web.ApiErrors;
import org.baiti.web.PublicLinks;
import org.baiti.web.QrCodes;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The draw's pages: the public record, the stage screen and its QR code, and the organizer's draw page. */
@Controller
class DrawPages {

    private static final Pattern TIER = Pattern.compile("^(.+?)\\s*[:：]\\s*(\\S+)$");

    private final Drawing drawing;
    private final Contesting contesting;
    private final PublishedRecordWriter records;
    private final ZoneId zone;
    private final PublicLinks links;
    private final ApiErrors errors;

    DrawPages(Drawing drawing, Contesting contesting, PublishedRecordWriter records,
              SiteSettings site, PublicLinks links, ApiErrors errors) {
        this.errors = errors;
        this.drawing = drawing;
        this.contesting = contesting;
        this.records = records;
        this.zone = site.timeZone();
        this.links = links;
    }

    /** The public record: facts, winners, find-my-ticket, downloads, and the check in the browser. */
    @GetMapping("/draws/{id}")
    String record(@PathVariable long id, @RequestParam(required = false) String ticket, Model model,
                  HttpServletRequest request) {
        DrawRecord d = drawing.get(id);
        Contest contest = contesting.get(d.contestId());
        model.addAttribute("draw", d);
        model.addAttribute("contest", contest);
        model.addAttribute("zone", zone);
        model.addAttribute("byTier", Drawing.byTier(drawing.winners(d)));
        model.addAttribute("allDraws", drawing.forContest(d.contestId()));
        model.addAttribute("recordUrl", links.base(request) + "/draws/" + id);
        model.addAttribute("jsonUrl", links.base(request) + "/api/draws/" + id);
        if (ticket != null && !ticket.isBlank()) {
            model.addAttribute("ticket", ticket.strip());
            model.addAttribute("hit", drawing.findInPool(d, ticket));
        }
        return "draw/record";
    }

    /** The record as a file to keep and to verify offline. */
    @GetMapping("/draws/{id}/record.json")
    void download(@PathVariable long id, HttpServletResponse response) throws IOException {
        DrawRecord d = drawing.get(id);
        String contestName = contesting.get(d.contestId()).name();
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("Content-Disposition", "attachment; filename=\"baiti-draw-" + id + "-"
                + d.status().name().toLowerCase(java.util.Locale.ROOT) + ".json\"");
        records.write(d, contestName, response.getOutputStream(), response::setContentLengthLong);
    }

    /** The big screen of the live event (16:9). */
    @GetMapping("/draws/{id}/stage")
    String stage(@PathVariable long id, Model model, HttpServletRequest request) {
        DrawRecord d = drawing.get(id);
        model.addAttribute("draw", d);
        model.addAttribute("contest", contesting.get(d.contestId()));
        model.addAttribute("zone", zone);
        model.addAttribute("recordUrl", links.base(request) + "/draws/" + id);
        return "draw/stage";
    }

    /** A QR code (SVG) of the public record's address, for the stage screen and print. */
    @GetMapping(value = "/draws/{id}/qr.svg", produces = "image/svg+xml")
    @ResponseBody
    ResponseEntity<String> qr(@PathVariable long id, HttpServletRequest request) {
        drawing.get(id);
        return ResponseEntity.ok().header("Cache-Control", links.configured() ? "public, max-age=3600" : "no-store")
                .contentType(MediaType.valueOf("image/svg+xml"))
                .body(QrCodes.svg(links.base(request) + "/draws/" + id));
    }

    @GetMapping("/admin/contests/{id}/draws")
    String admin(@PathVariable long id, Model model, HttpServletRequest request) {
        Contest contest = contesting.get(id);
        List<DrawRecord> all = drawing.forContest(id);
        model.addAttribute("contest", contest);
        List<DrawRecord> newestFirst = new ArrayList<>(all);
        java.util.Collections.reverse(newestFirst);
        model.addAttribute("draws", newestFirst);
        model.addAttribute("poolSize", drawing.currentPoolSize(id));
        model.addAttribute("zone", zone);
        return "draw/admin";
    }

    @PostMapping("/admin/contests/{id}/draws")
    String commit(@PathVariable long id, @RequestParam(defaultValue = "") String name,
                  @RequestParam(required = false) String k, @RequestParam(defaultValue = "") String pool,
                  @RequestParam(defaultValue = "") String seedSources, @RequestParam(defaultValue = "") String tiers,
                  @RequestParam(required = false) String confirm, Principal who, RedirectAttributes flash,
                  HttpServletRequest request) {
        if (confirm == null) {
            // A commit publishes the pool for good: from the page only with the box ticked (the API needs none).
            errors.flash(request, flash, Refusal.invalid("not_confirmed", "admin.commit.refused"));
            return "redirect:/admin/contests/" + id + "/draws";
        }
        try {
            Integer winners = parseCount(k);
            DrawRecord d = drawing.commit(id, new Drawing.CommitCommand(name, winners, pool, seedSources,
                    parseTiers(tiers)), who.getName());
            flash.addFlashAttribute("notice", errors.message(request, "notice.draw.committed", d.name(), d.n(), d.k(),
                    d.poolDigest()));
        } catch (Refusal e) {
            errors.flash(request, flash, e); // with what the form held
        }
        return "redirect:/admin/contests/" + id + "/draws";
    }

    @PostMapping("/admin/draws/{drawId}/reveal")
    String reveal(@PathVariable long drawId, @RequestParam(defaultValue = "") String seed,
                  @RequestParam(required = false) String confirm, @RequestParam(required = false) String confirmName,
                  Principal who, RedirectAttributes flash, HttpServletRequest request) {
        DrawRecord d = drawing.get(drawId);
        try {
            if (confirm == null) {
                throw Refusal.invalid("unconfirmed", "refusal.draw.unconfirmed");
            }
            Contest contest = contesting.get(d.contestId());
            if (!TypedConfirmation.matches(contest, confirmName)) {
                flash.addFlashAttribute("error", errors.message(request, "refusal.about", d.name(),
                        errors.message(request, "admin.reveal.refused", contest.name())));
                return "redirect:/admin/contests/" + d.contestId() + "/draws";
            }
            List<String> lines = seed.lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
            DrawRecord sealed = drawing.reveal(drawId, lines, who.getName());
            flash.addFlashAttribute("notice", errors.message(request, "notice.draw.revealed", sealed.name(),
                    sealed.winners().size()));
        } catch (Refusal e) {
            ApiError shown = errors.flash(request, flash, e);
            flash.addFlashAttribute("error", errors.message(request, "refusal.about", d.name(), shown.message()));
        }
        return "redirect:/admin/contests/" + d.contestId() + "/draws";
    }

    /** Unknown draw or contest on a page: the error page with the right status, not a stack trace. */
    @ExceptionHandler(Refusal.class)
    String refused(Refusal e, HttpServletRequest request, HttpServletResponse response, Model model) {
        return errors.page(request, response, model, e);
    }

    /** Tiers typed as {@code 一等奖:10, 二等奖:30, 三等奖:100}; blank means no tiers. */
    static List<Drawing.TierSpec> parseTiers(String text) {
        List<Drawing.TierSpec> out = new ArrayList<>();
        for (String part : text.split("[,，;；\\r\\n]+")) {
            String item = part.strip();
            if (item.isEmpty()) {
                continue;
            }
            Matcher m = TIER.matcher(item);
            if (!m.matches()) {
                throw Refusal.invalid("invalid_field", "refusal.draw.invalid")
                        .withDetails(List.of(Reason.field("tiers", "refusal.draw.tierUnreadable", item)));
            }
            out.add(new Drawing.TierSpec(m.group(1), parseCount(m.group(2))));
        }
        return out.isEmpty() ? null : out;
    }

    /** A whole number, or null when the text is not one (the service then says what is wrong). */
    private static Integer parseCount(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
