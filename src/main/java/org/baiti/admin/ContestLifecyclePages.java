package org.baiti.admin;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.baiti.contest.Contest;
import org.baiti.contest.ContestSettings;
import org.baiti.contest.ContestState;
import org.baiti.contest.Contesting;
import org.baiti.refusal.Reason;
import org.baiti.refusal.Refusal;
import org.baiti.settings.SiteSettings;
import org.baiti.web.ApiErrors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The contest's settings page: edit what its state allows, copy it, delete it while it never opened. */
@Controller
class ContestLifecyclePages {

    private final Contesting contesting;
    private final ContestLifecycle lifecycle;
    private final ApiErrors errors;
    private final ZoneId zone;

    ContestLifecyclePages(Contesting contesting, ContestLifecycle lifecycle, ApiErrors errors,
                          SiteSettings site) {
        this.contesting = contesting;
        this.lifecycle = lifecycle;
        this.errors = errors;
        this.zone = site.timeZone();
    }

    @GetMapping("/admin/contests/{id}/edit")
    String page(@PathVariable long id, Model model, HttpServletRequest request) {
        Contest c = contesting.get(id);
        ContestState state = lifecycle.state(c);
        model.addAttribute("contest", c);
        model.addAttribute("state", state);
        model.addAttribute("changeable", state.changeable());
        model.addAttribute("zone", zone);
        model.addAttribute("paperModes", Contest.PaperMode.values());
        Map<String, Object> edit = new HashMap<>();
        edit.put("name", c.name());
        edit.put("opensAt", local(c.opensAt()));
        edit.put("closesAt", local(c.closesAt()));
        edit.put("questionsPerPaper", c.questionsPerPaper());
        edit.put("timeLimitMinutes", c.timeLimitSeconds() / 60);
        edit.put("paperMode", c.paperMode().name());
        edit.put("attemptsAllowed", c.attemptsAllowed());
        edit.put("partialCredit", c.partialCredit());
        edit.put("onlineQuota", c.onlineQuota());
        edit.put("drawQuota", c.drawQuota());
        edit.put("orgQuota", c.orgQuota());
        edit.put("weightRate", c.weightRate());
        edit.put("weightAccuracy", c.weightAccuracy());
        edit.put("weightAttention", c.weightAttention());
        Map<String, Object> copy = new HashMap<>(Map.of("name",
                errors.message(request, "admin.copy.defaultName", c.name()), "opensAt", local(c.opensAt()),
                "closesAt", local(c.closesAt())));
        // a refused form shows what was entered (ApiErrors.flash); its hidden _form says which of the two it was
        if (model.getAttribute("form") instanceof Map<?, ?> entered && entered.get("_form") instanceof String which
                && (which.equals("edit") || which.equals("copy"))) {
            Map<String, Object> shown = which.equals("edit") ? edit : copy;
            entered.forEach((k, v) -> shown.computeIfPresent((String) k, (key, stored) -> v));
            if (shown == edit && state.changeable().contains("partialCredit")) {
                edit.put("partialCredit", "true".equals(entered.get("partialCredit"))); // unticked sends nothing
            }
        }
        model.addAttribute("edit", edit);
        model.addAttribute("copy", copy);
        return "admin/edit";
    }

    /** Fields left out (disabled on the page because the state locks them) keep their stored values. */
    @PostMapping("/admin/contests/{id}/edit")
    String edit(@PathVariable long id, @RequestParam(required = false) String name,
                @RequestParam(required = false) Integer questionsPerPaper,
                @RequestParam(required = false) Integer timeLimitMinutes, @RequestParam(required = false) String opensAt,
                @RequestParam(required = false) String closesAt, @RequestParam(required = false) Integer onlineQuota,
                @RequestParam(required = false) Integer drawQuota, @RequestParam(required = false) Integer orgQuota,
                @RequestParam(required = false) Contest.PaperMode paperMode,
                @RequestParam(required = false) Integer attemptsAllowed,
                @RequestParam(required = false) Boolean partialCredit,
                @RequestParam(required = false) Double weightRate, @RequestParam(required = false) Double weightAccuracy,
                @RequestParam(required = false) Double weightAttention, RedirectAttributes flash,
                HttpServletRequest request) {
        Contest c = contesting.get(id);
        try {
            ContestSettings s = new ContestSettings(
                    name != null ? name : c.name(),
                    questionsPerPaper != null ? questionsPerPaper : c.questionsPerPaper(),
                    timeLimitMinutes != null ? timeLimitMinutes * 60 : c.timeLimitSeconds(),
                    opensAt != null && !opensAt.equals(local(c.opensAt())) ? instant(opensAt, "opensAt") : c.opensAt(),
                    closesAt != null && !closesAt.equals(local(c.closesAt())) ? instant(closesAt, "closesAt") : c.closesAt(),
                    onlineQuota != null ? onlineQuota : c.onlineQuota(),
                    drawQuota != null ? drawQuota : c.drawQuota(),
                    orgQuota != null ? orgQuota : c.orgQuota(),
                    paperMode != null ? paperMode : c.paperMode(),
                    attemptsAllowed != null ? attemptsAllowed : c.attemptsAllowed(),
                    // a checkbox sends nothing when unticked: read it only when the field is open to change
                    lifecycle.state(c).changeable().contains("partialCredit")
                            ? Boolean.TRUE.equals(partialCredit) : c.partialCredit(),
                    weightRate != null ? weightRate : c.weightRate(),
                    weightAccuracy != null ? weightAccuracy : c.weightAccuracy(),
                    weightAttention != null ? weightAttention : c.weightAttention(),
                    // not on the page: kept as set through the API
                    c.addressStartsPerMinute(), c.addressSubmitsPerMinute(), c.addressCodesPerMinute(),
                    c.addressFailuresPerMinute());
            contesting.update(id, s);
            flash.addFlashAttribute("notice", errors.message(request, "admin.edit.saved"));
        } catch (Refusal e) {
            fail(flash, e, request);
        }
        return "redirect:/admin/contests/" + id + "/edit";
    }

    @PostMapping("/admin/contests/{id}/copy")
    String copy(@PathVariable long id, @RequestParam(defaultValue = "") String name, @RequestParam String opensAt,
                @RequestParam String closesAt, RedirectAttributes flash, HttpServletRequest request) {
        try {
            Contest copy = lifecycle.copy(id, name, instant(opensAt, "opensAt"), instant(closesAt, "closesAt"));
            flash.addFlashAttribute("notice", errors.message(request, "admin.copy.done", copy.name()));
            return "redirect:/admin/contests/" + copy.id() + "/edit";
        } catch (Refusal e) {
            fail(flash, e, request);
            return "redirect:/admin/contests/" + id + "/edit";
        }
    }

    @PostMapping("/admin/contests/{id}/delete")
    String delete(@PathVariable long id, @RequestParam(required = false) String confirm, RedirectAttributes flash,
                  HttpServletRequest request) {
        Contest c = contesting.get(id);
        try {
            lifecycle.delete(id, confirm);
            flash.addFlashAttribute("notice", errors.message(request, "admin.delete.done", c.name()));
            return "redirect:/admin";
        } catch (Refusal e) {
            flash.addFlashAttribute("error", errors.refused(request, e).body().message());
            return "redirect:/admin/contests/" + id + "/edit";
        }
    }

    /** An unknown contest: the error page with its status. */
    @ExceptionHandler(Refusal.class)
    String refused(Refusal e, HttpServletRequest request, HttpServletResponse response, Model model) {
        return errors.page(request, response, model, e);
    }

    /** The refusal above the form, in the request's language, with the settings it names. */
    private void fail(RedirectAttributes flash, Refusal e, HttpServletRequest request) {
        errors.flash(request, flash, e);
    }

    private String local(Instant i) {
        return LocalDateTime.ofInstant(i, zone).withSecond(0).withNano(0).toString();
    }

    private Instant instant(String text, String field) {
        try {
            return LocalDateTime.parse(text).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw Refusal.invalid("invalid_field", "admin.edit.badTime")
                    .withDetails(List.of(Reason.field(field, "refusal.field.badTime", text)));
        }
    }

}
