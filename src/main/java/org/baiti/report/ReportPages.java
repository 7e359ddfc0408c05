package org.baiti.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.baiti.contest.Contest;
import org.baiti.contest.Contesting;
import org.baiti.contest.TypedConfirmation;
import org.baiti.orgaward.OrgAwardFormula;
import org.baiti.orgaward.OrgAwarding;
import org.baiti.unit.Unit;
import org.baiti.unit.UnitImport;
import org.baiti.unit.UnitScope;
import org.baiti.unit.UnitScopes;
import org.baiti.refusal.Refusal;
import org.baiti.web.ApiErrors;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Staff pages: dashboard, awards and the organization award with attention marks, freeze (print views: AwardsOutputPages). */
@Controller
class ReportPages {

    private final Contesting contesting;
    private final Reporting reporting;
    private final OrgAwarding orgAwarding;
    private final UnitImport unitImport;
    private final MessageSource messages;
    private final UnitScopes scopes;
    private final Participants participants;
    private final ApiErrors errors;

    ReportPages(Contesting contesting, Reporting reporting, OrgAwarding orgAwarding, UnitImport unitImport,
                MessageSource messages, UnitScopes scopes, Participants participants, ApiErrors errors) {
        this.errors = errors;
        this.scopes = scopes;
        this.participants = participants;
        this.messages = messages;
        this.contesting = contesting;
        this.reporting = reporting;
        this.orgAwarding = orgAwarding;
        this.unitImport = unitImport;
    }

    @GetMapping("/admin/contests/{id}/dashboard")
    String dashboard(@PathVariable long id, Model model) {
        Contest c = contesting.get(id);
        UnitScope scope = scopes.current(id); // a coordinator: 403 for another contest
        if (!scope.unlimited()) {
            // A coordinator's dashboard: its own units and the ones below, one line each, nothing contest-wide.
            List<Unit> tree = unitImport.all(id);
            List<String> codes = tree.stream().map(Unit::code).toList();
            model.addAttribute("contest", c);
            model.addAttribute("tree", tree);
            model.addAttribute("counts", participants.countsByUnit(id, codes));
            model.addAttribute("people", participants.distinctPeople(id, codes));
            model.addAttribute("participations", participants.count(id, codes));
            return "report/dashboard-unit";
        }
        Statistics s = reporting.statistics(id);
        model.addAttribute("contest", c);
        model.addAttribute("stats", s);
        model.addAttribute("summary", reporting.summary(c, s, LocaleContextHolder.getLocale()));
        return "report/dashboard";
    }

    static final int PARTICIPANTS_PAGE = 200;

    /** Who took part: a coordinator sees the people of its own unit and below, the others everyone; phones masked. */
    @GetMapping("/admin/contests/{id}/participants")
    String participants(@PathVariable long id, @RequestParam(defaultValue = "0") int page, Model model) {
        Contest c = contesting.get(id);
        UnitScope scope = scopes.current(id);
        List<Unit> units = unitImport.all(id);
        List<String> codes = scope.unlimited() ? null : units.stream().map(Unit::code).toList();
        long total = participants.count(id, codes);
        int p = Math.max(0, page);
        Map<String, String> names = new java.util.HashMap<>();
        units.forEach(u -> names.put(u.code(), u.name()));
        model.addAttribute("contest", c);
        model.addAttribute("rows", participants.page(id, codes, p * PARTICIPANTS_PAGE, PARTICIPANTS_PAGE));
        model.addAttribute("unitNames", names);
        model.addAttribute("total", total);
        model.addAttribute("page", p);
        model.addAttribute("pages", Math.max(1, (total + PARTICIPANTS_PAGE - 1) / PARTICIPANTS_PAGE));
        return "report/participants";
    }

    @GetMapping("/admin/contests/{id}/awards")
    String awards(@PathVariable long id, Model model) {
        model.addAttribute("contest", contesting.get(id));
        model.addAttribute("awards", reporting.awards(id));
        model.addAttribute("org", orgAwarding.breakdown(id));
        return "report/awards";
    }

    /** The attention table: every top-level unit in tree order (never re-sorted), one form for all marks. */
    @GetMapping("/admin/contests/{id}/attention")
    String attentionTable(@PathVariable long id, Model model) {
        Contest c = contesting.get(id);
        Map<String, OrgAwardFormula.Line> lines = new java.util.HashMap<>();
        orgAwarding.breakdown(id).forEach(l -> lines.put(l.code(), l));
        model.addAttribute("contest", c);
        model.addAttribute("units", unitImport.all(id).stream().filter(Unit::topLevel).toList());
        model.addAttribute("lines", lines);
        return "report/attention";
    }

    /**
     * Saves the whole attention table in one request: fields {@code mark:CODE}; all or nothing. After saving, or on an
     * error with the typed values kept, the same table in the same order.
     */
    @PostMapping("/admin/contests/{id}/attention")
    String attention(@PathVariable long id, @RequestParam Map<String, String> form, RedirectAttributes flash,
                     HttpServletRequest request) {
        Map<String, String> typed = new LinkedHashMap<>();
        form.forEach((k, v) -> {
            if (k.startsWith("mark:")) {
                typed.put(k.substring("mark:".length()), v);
            }
        });
        if (typed.isEmpty() && form.containsKey("code")) { // one mark, as the earlier per-row forms sent it
            typed.put(form.get("code"), form.getOrDefault("score", ""));
        }
        try {
            int changed = unitImport.setAttentions(id, typed);
            flash.addFlashAttribute("notice", messages.getMessage("admin.attention.saved", new Object[] {changed},
                    LocaleContextHolder.getLocale()));
        } catch (Refusal e) {
            errors.flash(request, flash, e);
            flash.addFlashAttribute("typed", typed);
        }
        return "redirect:/admin/contests/" + id + "/attention";
    }

    /**
     * Freezes from the page only with the contest's name typed as confirmation (the API's freeze needs none: a script
     * that calls it means it). Without it nothing changes and the page says why.
     */
    @PostMapping("/admin/contests/{id}/freeze")
    String freeze(@PathVariable long id, @RequestParam(required = false) String confirm, RedirectAttributes flash) {
        Contest c = contesting.get(id);
        if (!c.frozen() && !TypedConfirmation.matches(c, confirm)) {
            flash.addFlashAttribute("error", messages.getMessage("admin.freeze.refused", new Object[] {c.name()},
                    LocaleContextHolder.getLocale()));
            return "redirect:/admin/contests/" + id + "/awards";
        }
        contesting.freeze(id);
        flash.addFlashAttribute("notice", messages.getMessage("admin.freeze.done", null, LocaleContextHolder.getLocale()));
        return "redirect:/admin/contests/" + id;
    }

    /** A refusal on a page (a coordinator asking for another contest, no such contest): the error page with its status. */
    @org.springframework.web.bind.annotation.ExceptionHandler(Refusal.class)
    String refused(Refusal e, HttpServletRequest request, HttpServletResponse response, Model model) {
        return errors.page(request, response, model, e);
    }
}
