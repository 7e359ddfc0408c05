package org.baiti.admin;

import java.io.IOException;
import java.security.Principal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.baiti.bank.BankImport;
import org.baiti.contest.Contest;
import org.baiti.contest.ContestSettings;
import org.baiti.contest.Contesting;
import org.baiti.contest.ImportLog;
import org.baiti.contest.ImportResult;
import org.baiti.identity.ParticipantIdentity;
import org.baiti.identity.RosterImport;
import org.baiti.limits.RateLimitSettings;
import org.baiti.refusal.Reason;
import org.baiti.refusal.Refusal;
import org.baiti.security.Staff;
import org.baiti.settings.SiteSettings;
import org.baiti.unit.UnitImport;
import org.baiti.web.ApiError;
import org.baiti.web.ApiErrors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The organizer's pages: contests, settings, imports, bank and units. */
@Controller
class AdminPages {

    private final Contesting contesting;
    private final BankImport bankImport;
    private final UnitImport unitImport;
    private final ImportLog importLog;
    private final RosterImport rosterImport;
    private final ParticipantIdentity identity;
    private final ZoneId zone;
    private RateLimitSettings limitDefaults;

    /** The node's per-address limits, shown as what an empty field of the contest form means. */
    @org.springframework.beans.factory.annotation.Autowired
    void limitDefaults(RateLimitSettings settings) {
        this.limitDefaults = settings;
    }

    private final ApiErrors errors;

    AdminPages(Contesting contesting, BankImport bankImport, UnitImport unitImport, ImportLog importLog,
               RosterImport rosterImport, ParticipantIdentity identity,
               SiteSettings site, ApiErrors errors) {
        this.errors = errors;
        this.contesting = contesting;
        this.bankImport = bankImport;
        this.unitImport = unitImport;
        this.importLog = importLog;
        this.rosterImport = rosterImport;
        this.identity = identity;
        this.zone = site.timeZone();
    }

    @GetMapping("/login")
    String login() {
        return "login";
    }

    @GetMapping("/admin")
    String contests(Model model) {
        Staff staff = Staff.current().orElse(null);
        model.addAttribute("contests", contesting.all().stream()
                .filter(c -> staff == null || staff.seesContest(c.id())).toList());
        model.addAttribute("zone", zone);
        model.addAttribute("limitDefaults", limitDefaults);
        return "admin/contests";
    }

    @PostMapping("/admin/contests")
    String create(@RequestParam String name, @RequestParam(defaultValue = "0") int questionsPerPaper,
                  @RequestParam(defaultValue = "0") int timeLimitMinutes, @RequestParam String opensAt,
                  @RequestParam String closesAt, @RequestParam(defaultValue = "0") int onlineQuota,
                  @RequestParam(defaultValue = "0") int drawQuota, @RequestParam(defaultValue = "0") int orgQuota,
                  @RequestParam(defaultValue = "FIXED") Contest.PaperMode paperMode,
                  @RequestParam(required = false) Integer addressStartsPerMinute,
                  @RequestParam(required = false) Integer addressSubmitsPerMinute,
                  @RequestParam(required = false) Integer addressCodesPerMinute,
                  @RequestParam(required = false) Integer addressFailuresPerMinute,
                  RedirectAttributes flash, HttpServletRequest request) {
        try {
            Contest c = contesting.create(new ContestSettings(name, questionsPerPaper, timeLimitMinutes * 60,
                    local(opensAt, "opensAt"), local(closesAt, "closesAt"), onlineQuota, drawQuota, orgQuota, paperMode,
                    null, null, null, null, null, addressStartsPerMinute, addressSubmitsPerMinute,
                    addressCodesPerMinute, addressFailuresPerMinute));
            flash.addFlashAttribute("notice", errors.message(request, "notice.contest.created", c.name()));
            return "redirect:/admin/contests/" + c.id();
        } catch (Refusal e) {
            errors.flash(request, flash, e);
            return "redirect:/admin";
        }
    }

    @GetMapping("/admin/contests/{id}")
    String contest(@PathVariable long id, Model model) {
        Contest c = contesting.get(id);
        Staff.current().ifPresent(s -> s.requireContest(id));
        model.addAttribute("contest", c);
        model.addAttribute("zone", zone);
        model.addAttribute("questionCount", bankImport.all(id).size());
        model.addAttribute("unitCount", unitImport.all(id).size());
        model.addAttribute("imports", importLog.list(id));
        model.addAttribute("rosterRequired", identity.rosterRequired(id));
        model.addAttribute("rosterCount", rosterImport.all(id).size());
        return "admin/contest";
    }

    @PostMapping("/admin/contests/{id}/import/{kind}")
    String importFile(@PathVariable long id, @PathVariable String kind, @RequestParam("file") MultipartFile file,
                      @RequestParam(required = false) String replace, Principal who, RedirectAttributes flash,
                      HttpServletRequest request) throws IOException {
        if (file.isEmpty()) {
            flash.addFlashAttribute("error", errors.message(request, "refusal.no_file"));
            return "redirect:/admin/contests/" + id;
        }
        String name = file.getOriginalFilename() == null ? kind : file.getOriginalFilename();
        // A bank or unit file over existing ones overwrites the rows with the same keys: from the page only confirmed.
        int existing = "bank".equals(kind) ? bankImport.all(id).size() : "units".equals(kind) ? unitImport.all(id).size() : 0;
        if (existing > 0 && replace == null) {
            flash.addFlashAttribute("error", errors.message(request, "admin.import.refused", name, existing));
            return "redirect:/admin/contests/" + id;
        }
        try {
            ImportResult r = switch (kind) {
                case "bank" -> bankImport.importFile(id, name, file.getInputStream(), who.getName());
                case "units" -> unitImport.importFile(id, name, file.getInputStream(), who.getName());
                case "roster" -> rosterImport.importFile(id, name, file.getInputStream(), who.getName());
                default -> throw Refusal.notFound("not_found", "refusal.unknown_import");
            };
            flash.addFlashAttribute("notice", errors.message(request, "notice.import.done", name, r.imported(),
                    r.added(), r.changed()));
        } catch (Refusal e) {
            ApiError shown = errors.flash(request, flash, e);
            flash.addFlashAttribute("error", errors.message(request, "refusal.about", name, shown.message()));
        }
        return "redirect:/admin/contests/" + id;
    }

    @GetMapping("/admin/contests/{id}/bank")
    String bank(@PathVariable long id, Model model) {
        model.addAttribute("contest", contesting.get(id));
        model.addAttribute("questions", bankImport.all(id));
        return "admin/bank";
    }

    @GetMapping("/admin/contests/{id}/units")
    String units(@PathVariable long id, Model model) {
        model.addAttribute("contest", contesting.get(id));
        model.addAttribute("units", unitImport.all(id));
        return "admin/units";
    }

    /** Switches the roster requirement of a contest on or off. */
    @PostMapping("/admin/contests/{id}/roster-required")
    String rosterRequired(@PathVariable long id, @RequestParam boolean required, RedirectAttributes flash,
                          HttpServletRequest request) {
        identity.setRosterRequired(id, required);
        flash.addFlashAttribute("notice", errors.message(request,
                required ? "notice.roster.required" : "notice.roster.notRequired"));
        return "redirect:/admin/contests/" + id;
    }

    /** A judge's (or organizer's) attention mark for a top-level unit. */
    @PostMapping("/admin/contests/{id}/units/{code}/attention")
    String attention(@PathVariable long id, @PathVariable String code, @RequestParam(required = false) Integer score,
                     RedirectAttributes flash, HttpServletRequest request) {
        try {
            unitImport.setAttention(id, code, score);
            flash.addFlashAttribute("notice", score == null ? errors.message(request, "notice.attention.cleared", code)
                    : errors.message(request, "notice.attention.saved", code, String.valueOf(score)));
        } catch (Refusal e) {
            flash.addFlashAttribute("error", errors.refused(request, e).body().message());
        }
        return "redirect:/admin/contests/" + id + "/units";
    }

    /** A refusal on a page (no such contest, not one of your units) shows the error page with its status. */
    @ExceptionHandler(Refusal.class)
    String refused(Refusal e, HttpServletRequest request, HttpServletResponse response, Model model) {
        return errors.page(request, response, model, e);
    }

    private Instant local(String text, String field) {
        try {
            return LocalDateTime.parse(text).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw Refusal.invalid("invalid_field", "admin.edit.badTime")
                    .withDetails(List.of(Reason.field(field, "refusal.field.badTime", text)));
        }
    }
}
