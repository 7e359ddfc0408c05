package org.baiti.share;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.baiti.contest.Contest;
import org.baiti.contest.Contesting;
import org.baiti.refusal.Refusal;
import org.baiti.settings.SiteSettings;
import org.baiti.web.ApiErrors;
import org.baiti.web.PublicLinks;
import org.baiti.web.QrCodes;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Spreading the participant link ({@code /c/{id}}) after a contest is created: its QR code, and a printable A4
 * poster with the contest's name, dates and the QR, as PNG and PDF. The link comes from {@link PublicLinks}, never
 * from a Host header the client chose.
 */
@Controller
class SharePages {

    private final Contesting contesting;
    private final PublicLinks links;
    private final PosterRenderer posters;
    private final CjkFont fonts;
    private final ZoneId zone;
    private final ApiErrors errors;

    SharePages(Contesting contesting, PublicLinks links, PosterRenderer posters, CjkFont fonts, ApiErrors errors,
               SiteSettings site) {
        this.contesting = contesting;
        this.errors = errors;
        this.links = links;
        this.posters = posters;
        this.fonts = fonts;
        this.zone = site.timeZone();
    }

    @GetMapping("/admin/contests/{id}/share")
    String page(@PathVariable long id, Model model, HttpServletRequest request) {
        Contest c = contesting.get(id);
        String link = participantLink(c, request);
        model.addAttribute("contest", c);
        model.addAttribute("zone", zone);
        model.addAttribute("link", link);
        model.addAttribute("qrSvg", QrCodes.svg(link));
        model.addAttribute("linkConfigured", links.configured());
        model.addAttribute("fontOk", fonts.hasChinese());
        return "share/share";
    }

    @GetMapping("/admin/contests/{id}/share/qr.png")
    ResponseEntity<byte[]> qrPng(@PathVariable long id, HttpServletRequest request) {
        Contest c = contesting.get(id);
        return file(PosterRenderer.png(QrCodes.image(participantLink(c, request), 800)), MediaType.IMAGE_PNG,
                "contest-" + id + "-qr.png");
    }

    @GetMapping("/admin/contests/{id}/share/poster.png")
    ResponseEntity<byte[]> posterPng(@PathVariable long id, HttpServletRequest request, Locale locale) {
        return file(posters.png(poster(id, request, locale)), MediaType.IMAGE_PNG, "contest-" + id + "-poster.png");
    }

    @GetMapping("/admin/contests/{id}/share/poster.pdf")
    ResponseEntity<byte[]> posterPdf(@PathVariable long id, HttpServletRequest request, Locale locale) {
        return file(posters.pdf(poster(id, request, locale)), MediaType.APPLICATION_PDF, "contest-" + id + "-poster.pdf");
    }

    /** Unknown contest, or a host this site does not answer for: the error page with its status. */
    @ExceptionHandler(Refusal.class)
    String refused(Refusal e, HttpServletRequest request, HttpServletResponse response, Model model) {
        return errors.page(request, response, model, e);
    }

    private PosterRenderer.Poster poster(long id, HttpServletRequest request, Locale locale) {
        Contest c = contesting.get(id);
        return new PosterRenderer.Poster(c, participantLink(c, request), zone, locale);
    }

    private String participantLink(Contest c, HttpServletRequest request) {
        return links.of(request, "/c/" + c.id());
    }

    private static ResponseEntity<byte[]> file(byte[] body, MediaType type, String name) {
        return ResponseEntity.ok()
                .contentType(type)
                .header("Content-Disposition", ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8)
                        .build().toString())
                .header("Cache-Control", "no-store")
                .body(body);
    }
}
