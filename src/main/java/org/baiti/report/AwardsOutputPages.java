package org.baiti.report;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.baiti.contest.Contest;
import org.baiti.contest.Contesting;
import org.baiti.draw.DrawRecord;
import org.baiti.draw.Drawing;
import org.baiti.orgaward.OrgAwardFormula;
import org.baiti.orgaward.OrgAwarding;
import org.baiti.refusal.Refusal;
import org.baiti.settings.SiteSettings;
import org.baiti.web.ApiErrors;
import org.baiti.web.PublicLinks;
import org.baiti.web.QrCodes;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * What the awards become on paper: the printed winners list (organization awards, online winners, drawn winners by
 * prize tier) and the certificates of people and units, each with the contest's issuer, date and seal text and a QR
 * code to the public page that confirms it (the ranking line, the draw record's ticket look-up, the public unit
 * award list) — pages that show masked data only. Also that public unit award list, {@code /c/{id}/awards}, which
 * shows the final figures once the results are frozen.
 */
@Controller
class AwardsOutputPages {

    /** One certificate: who, for what, and where to check it. */
    record Certificate(String kind, String name, String unit, String award, Integer rank, String verifyUrl, String qrSvg) {
    }

    /** Winners of one prize tier of the draws (tier null = drawn without tiers). */
    record TierGroup(String tier, List<Winner> winners) {
    }

    private final Contesting contesting;
    private final Reporting reporting;
    private final OrgAwarding orgAwarding;
    private final Drawing drawing;
    private final CertificateSettings settings;
    private final PublicLinks links;
    private final MessageSource messages;
    private final ApiErrors errors;
    private final ZoneId zone;

    AwardsOutputPages(Contesting contesting, Reporting reporting, OrgAwarding orgAwarding, Drawing drawing,
                      CertificateSettings settings, PublicLinks links, MessageSource messages, ApiErrors errors,
                      SiteSettings site) {
        this.errors = errors;
        this.contesting = contesting;
        this.reporting = reporting;
        this.orgAwarding = orgAwarding;
        this.drawing = drawing;
        this.settings = settings;
        this.links = links;
        this.messages = messages;
        this.zone = site.timeZone();
    }

    @GetMapping("/admin/contests/{id}/print/winners")
    String printWinners(@PathVariable long id, Model model, Locale locale) {
        Contest c = contesting.get(id);
        List<Winner> all = reporting.awards(id);
        List<Winner> online = all.stream().filter(w -> "online".equals(w.channel())).toList();
        Map<String, List<Winner>> byTier = new LinkedHashMap<>();
        for (Winner w : all) {
            if (!"online".equals(w.channel())) {
                byTier.computeIfAbsent(w.tier() == null ? "" : w.tier(), k -> new ArrayList<>()).add(w);
            }
        }
        List<TierGroup> tiers = new ArrayList<>();
        byTier.forEach((tier, ws) -> tiers.add(new TierGroup(tier.isEmpty() ? null : tier, ws)));
        List<OrgAwardFormula.Line> org = orgAwarding.breakdown(id).stream().filter(OrgAwardFormula.Line::awarded).toList();
        model.addAttribute("contest", c);
        model.addAttribute("org", org);
        model.addAttribute("online", online);
        model.addAttribute("tiers", tiers);
        model.addAttribute("total", all.size());
        model.addAttribute("unitCount", all.stream().map(w -> w.topUnit() == null ? "" : w.topUnit()).distinct().count());
        addSetting(model, c, locale);
        return "report/print-winners";
    }

    @GetMapping("/admin/contests/{id}/certificates")
    String certificates(@PathVariable long id, Model model, Locale locale, HttpServletRequest request) {
        Contest c = contesting.get(id);
        Map<String, Long> drawOfTicket = new HashMap<>();
        for (DrawRecord d : drawing.forContest(id)) {
            if (d.sealed() && d.winners() != null) {
                d.winners().forEach(key -> drawOfTicket.putIfAbsent(key, d.id()));
            }
        }
        String base = links.base(request);
        List<Certificate> people = new ArrayList<>();
        for (Winner w : reporting.awards(id)) {
            String url;
            String award;
            if ("online".equals(w.channel())) {
                url = base + "/c/" + id + "/ranking?limit=" + Math.max(100, w.order()) + "#rank-" + w.order();
                award = messages.getMessage("cert.award.online", new Object[] {w.order()}, locale);
            } else {
                Long draw = drawOfTicket.get(w.ticket());
                url = draw == null ? base + "/c/" + id + "/awards"
                        : base + "/draws/" + draw + "?ticket=" + URLEncoder.encode(w.ticket(), StandardCharsets.UTF_8) + "#find";
                award = w.tier() != null ? messages.getMessage("cert.award.tier", new Object[] {w.tier()}, locale)
                        : messages.getMessage("cert.award.drawn", null, locale);
            }
            people.add(new Certificate("person", w.name(), w.unit(), award, w.order(), url, QrCodes.svg(url)));
        }
        List<Certificate> units = new ArrayList<>();
        for (OrgAwardFormula.Line l : orgAwarding.breakdown(id)) {
            if (l.awarded()) {
                String url = base + "/c/" + id + "/awards#unit-" + URLEncoder.encode(l.code(), StandardCharsets.UTF_8);
                units.add(new Certificate("unit", l.name(), null,
                        messages.getMessage("cert.award.unit", new Object[] {l.rank()}, locale), l.rank(), url,
                        QrCodes.svg(url)));
            }
        }
        model.addAttribute("contest", c);
        model.addAttribute("people", people);
        model.addAttribute("units", units);
        addSetting(model, c, locale);
        return "report/certificates";
    }

    @PostMapping("/admin/contests/{id}/certificates/settings")
    String saveSettings(@PathVariable long id, @RequestParam(defaultValue = "") String issuer,
                        @RequestParam(defaultValue = "") String issuedOn, @RequestParam(defaultValue = "") String sealText,
                        RedirectAttributes flash, Locale locale, HttpServletRequest request) {
        try {
            settings.save(id, issuer, issuedOn, sealText);
            flash.addFlashAttribute("notice", messages.getMessage("cert.settings.saved", null, locale));
        } catch (Refusal e) {
            if (e.kind() == Refusal.Kind.NOT_FOUND) {
                throw e;
            }
            errors.flash(request, flash, e); // with what the form held
        }
        return "redirect:/admin/contests/" + id + "/certificates";
    }

    /** The public list of unit awards: the final figures once the results are frozen, nothing personal. */
    @GetMapping("/c/{id}/awards")
    String publicAwards(@PathVariable long id, Model model) {
        Contest c = contesting.get(id);
        model.addAttribute("contest", c);
        model.addAttribute("frozen", c.frozen());
        model.addAttribute("org", c.frozen() ? orgAwarding.breakdown(id) : List.of());
        model.addAttribute("zone", zone);
        return "report/public-awards";
    }

    /** Unknown contest, or a host this site does not answer for: the error page with its status. */
    @ExceptionHandler(Refusal.class)
    String refused(Refusal e, HttpServletRequest request, HttpServletResponse response, Model model) {
        return errors.page(request, response, model, e);
    }

    private void addSetting(Model model, Contest c, Locale locale) {
        CertificateSettings.Setting s = settings.get(c, messages.getMessage("cert.defaultIssuer", null, locale));
        LocalDate date = s.issuedOn() != null ? s.issuedOn() : LocalDate.now(zone);
        model.addAttribute("setting", s);
        model.addAttribute("issueDate", date);
        model.addAttribute("datePattern", messages.getMessage("cert.datePattern", null, locale));
    }
}
