package org.baiti.privacy;

import jakarta.servlet.http.HttpServletRequest;
import org.baiti.contest.Contest;
import org.baiti.contest.Contesting;
import org.baiti.identity.ParticipantIdentity;
import org.baiti.security.Staff;
import org.baiti.refusal.Refusal;
import org.baiti.web.ApiErrors;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The personal data card of the admin contest page (templates/privacy/admin.html, included by admin/contest.html) and
 * the participant's "my data" page.
 */
@Controller
class PrivacyPages {

    private final PersonalData personalData;
    private final Contesting contesting;
    private final ParticipantIdentity identity;
    private final java.time.ZoneId zone;
    private final ApiErrors errors;

    PrivacyPages(PersonalData personalData, Contesting contesting, ParticipantIdentity identity, ApiErrors errors,
                 org.baiti.settings.SiteSettings site) {
        this.errors = errors;
        this.zone = site.timeZone();
        this.personalData = personalData;
        this.contesting = contesting;
        this.identity = identity;
    }

    @PostMapping("/admin/contests/{id}/privacy")
    String change(@PathVariable long id, @RequestParam(required = false) String notice,
                  @RequestParam(required = false) Integer retentionDays,
                  @RequestParam(defaultValue = "false") boolean consentRequired, RedirectAttributes flash,
                  HttpServletRequest request) {
        Staff.current().ifPresent(s -> s.requireContest(id));
        try {
            personalData.change(id, new PersonalData.Change(notice == null ? "" : notice, retentionDays, consentRequired));
            flash.addFlashAttribute("notice", errors.message(request, "notice.privacy.saved"));
        } catch (Refusal e) {
            errors.flash(request, flash, e);
        }
        return "redirect:/admin/contests/" + id + "#privacy";
    }

    @GetMapping("/c/{id}/my-data")
    String myData(@PathVariable long id, Model model) {
        Contest contest;
        try {
            contest = contesting.get(id);
        } catch (Refusal e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        model.addAttribute("contest", contest);
        model.addAttribute("codes", identity.codesRequired());
        model.addAttribute("keptUntil", personalData.keptUntil(id));
        model.addAttribute("zone", zone);
        return "privacy/my-data";
    }
}
