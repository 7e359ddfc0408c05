package org.baiti.admin;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.baiti.contest.Contest;
import org.baiti.contest.ContestSettings;
import org.baiti.contest.ContestState;
import org.baiti.contest.Contesting;
import org.baiti.web.ApiException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
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
    private final MessageSource messages;
    private final ZoneId zone;

    ContestLifecyclePages(Contesting contesting, ContestLifecycle lifecycle, MessageSource messages,
                          @Value("${baiti.time-zone:Asia/Shanghai}") String zone) {
        this.contesting = contesting;
        this.lifecycle = lifecycle;
        this.messages = messages;
        this.zone = ZoneId.of(zone);
    }

    @GetMapping("/admin/contests/{id}/edit")
    String page(@PathVariable long id, Model model) {
        Contest c = contesting.get(id);
        ContestState state = lifecycle.state(c);
        model.addAttribute("contest", c);
        model.addAttribute("state", state);
        model.addAttribute("changeable", ContestLifecycle.changeable(state));
        model.addAttribute("zone", zone);
        model.addAttribute("paperModes", Contest.PaperMode.values());
        model.addAttribute("opensLocal", local(c.opensAt()));
        model.addAttribute("closesLocal", local(c.closesAt()));
        model.addAttribute("copyName", messages.getMessage("admin.copy.defaultName", new Object[] {c.name()},
                LocaleContextHolder.getLocale()));
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
                @RequestParam(required = false) Double weightAttention, RedirectAttributes flash) {
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
                    ContestLifecycle.changeable(lifecycle.state(c)).contains("partialCredit")
                            ? Boolean.TRUE.equals(partialCredit) : c.partialCredit(),
                    weightRate != null ? weightRate : c.weightRate(),
                    weightAccuracy != null ? weightAccuracy : c.weightAccuracy(),
                    weightAttention != null ? weightAttention : c.weightAttention());
            lifecycle.edit(id, s);
            flash.addFlashAttribute("notice", message("admin.edit.saved"));
        } catch (ApiException e) {
            flash.addFlashAttribute("error", e.getMessage());
            flash.addFlashAttribute("details", AdminPages.rows(e.details()));
        }
        return "redirect:/admin/contests/" + id + "/edit";
    }

    @PostMapping("/admin/contests/{id}/copy")
    String copy(@PathVariable long id, @RequestParam(defaultValue = "") String name, @RequestParam String opensAt,
                @RequestParam String closesAt, RedirectAttributes flash) {
        try {
            Contest copy = lifecycle.copy(id, name, instant(opensAt, "opensAt"), instant(closesAt, "closesAt"));
            flash.addFlashAttribute("notice", message("admin.copy.done", copy.name()));
            return "redirect:/admin/contests/" + copy.id() + "/edit";
        } catch (ApiException e) {
            flash.addFlashAttribute("error", e.getMessage());
            flash.addFlashAttribute("details", AdminPages.rows(e.details()));
            return "redirect:/admin/contests/" + id + "/edit";
        }
    }

    @PostMapping("/admin/contests/{id}/delete")
    String delete(@PathVariable long id, @RequestParam(required = false) String confirm, RedirectAttributes flash) {
        Contest c = contesting.get(id);
        try {
            lifecycle.delete(id, confirm);
            flash.addFlashAttribute("notice", message("admin.delete.done", c.name()));
            return "redirect:/admin";
        } catch (ApiException e) {
            flash.addFlashAttribute("error", e.getMessage());
            return "redirect:/admin/contests/" + id + "/edit";
        }
    }

    /** An unknown contest: the error page with its status. */
    @ExceptionHandler(ApiException.class)
    String refused(ApiException e, jakarta.servlet.http.HttpServletResponse response, Model model) {
        response.setStatus(e.status().value());
        model.addAttribute("status", e.status().value());
        model.addAttribute("message", e.getMessage());
        return "error";
    }

    private String message(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }

    private String local(Instant i) {
        return LocalDateTime.ofInstant(i, zone).withSecond(0).withNano(0).toString();
    }

    private Instant instant(String text, String field) {
        try {
            return LocalDateTime.parse(text).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "invalid_field", message("admin.edit.badTime"),
                    List.of(Map.of("field", field, "reason", text)));
        }
    }

}
