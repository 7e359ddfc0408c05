package org.baiti.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.baiti.orgaward.OrgAwardFormula;
import org.baiti.orgaward.OrgAwarding;
import org.baiti.refusal.Refusal;
import org.baiti.unit.UnitScope;
import org.baiti.unit.UnitScopes;
import org.baiti.web.Figures;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Statistics, awards, charts, summary and exports. Each is served under {@code /api/admin} (HTTP Basic, for
 * scripts) and under {@code /admin} (the staff's logged-in pages).
 */
@RestController
class ReportController {

    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final Reporting reporting;
    private final OrgAwarding orgAwarding;
    private final Charts charts;
    private final UnitScopes scopes;
    private final MessageSource messages;

    ReportController(Reporting reporting, OrgAwarding orgAwarding, Charts charts,
                     UnitScopes scopes, MessageSource messages) {
        this.scopes = scopes;
        this.messages = messages;
        this.reporting = reporting;
        this.orgAwarding = orgAwarding;
        this.charts = charts;
    }

    /** An award as published: no phone number beyond the masked one. */
    record AwardView(String channel, int order, String tier, String name, String unit, String topUnit, String ticket,
                     String maskedPhone, double accuracy, long durationMs) {
        static AwardView of(Winner w) {
            return new AwardView(w.channel(), w.order(), w.tier(), w.name(), w.unit(), w.topUnit(), w.ticket(),
                    w.maskedPhone(), w.accuracy(), w.durationMs());
        }
    }

    /** The statistics; a coordinator sees the per-unit lines of its own units only (docs/security.md). */
    @GetMapping({"/api/admin/contests/{id}/statistics", "/admin/contests/{id}/statistics.json"})
    Statistics statistics(@PathVariable long id) {
        UnitScope scope = scopes.current(id);
        Statistics s = reporting.statistics(id);
        if (scope.unlimited()) {
            return s;
        }
        return new Statistics(s.onlineParticipants(), s.onlinePerfect(), s.offlineParticipants(), s.offlinePerfect(),
                s.totalParticipants(), s.distinctPeople(), s.individualAwards(), s.organizationAwards(),
                s.units().stream().filter(u -> scope.covers(u.code())).toList(), s.questions());
    }

    @GetMapping({"/api/admin/contests/{id}/awards", "/admin/contests/{id}/awards.json"})
    List<AwardView> awards(@PathVariable long id) {
        return reporting.awards(id).stream().map(AwardView::of).toList();
    }

    @GetMapping({"/api/admin/contests/{id}/charts", "/admin/contests/{id}/charts.json"})
    Map<String, Object> charts(@PathVariable long id) {
        return charts.of(id);
    }

    @GetMapping({"/api/admin/contests/{id}/summary", "/admin/contests/{id}/summary.json"})
    Map<String, String> summary(@PathVariable long id, Locale locale) {
        return Map.of("text", reporting.summary(id, locale));
    }

    /**
     * The individual awards: shown figures (accuracy in percent, time used in seconds, one decimal) first, then the raw
     * values they come from (the fraction, the milliseconds), and a note where a value is missing.
     */
    @GetMapping({"/api/admin/contests/{id}/exports/winners.{format}", "/admin/contests/{id}/exports/winners.{format}"})
    ResponseEntity<byte[]> winners(@PathVariable long id, @PathVariable String format, Locale locale) {
        List<String> header = words(locale, "export.winners.order", "export.winners.channel", "export.winners.tier",
                "export.winners.name", "export.winners.unit", "export.winners.topUnit", "export.winners.ticket",
                "export.winners.phone", "export.accuracyPercent", "export.winners.seconds", "export.note",
                "export.accuracyRaw", "export.winners.millisRaw");
        List<List<Object>> rows = new ArrayList<>();
        int i = 1;
        for (Winner w : reporting.awards(id)) {
            boolean online = "online".equals(w.channel());
            rows.add(Arrays.asList(i++, word(locale, online ? "export.channel.online" : "export.channel.offline"),
                    w.tier(), w.name(), w.unit(), w.topUnit(), w.ticket(), w.maskedPhone(),
                    Figures.percentNumber(w.accuracy()), online ? Figures.secondsNumber(w.durationMs()) : null,
                    online ? null : word(locale, "export.winners.noTime"),
                    w.accuracy(), online ? w.durationMs() : null));
        }
        return file(format, "winners-" + id, word(locale, "export.winners.sheet"), header, rows);
    }

    /**
     * The organization award as ranked: rates in percent with one decimal, the score with four (as on the pages), the
     * attention mark or an empty cell with the reason in the note column, then the raw fractions and score.
     */
    @GetMapping({"/api/admin/contests/{id}/exports/org-awards.{format}", "/admin/contests/{id}/exports/org-awards.{format}"})
    ResponseEntity<byte[]> orgAwards(@PathVariable long id, @PathVariable String format, Locale locale) {
        List<String> header = words(locale, "export.org.rank", "export.org.code", "export.org.unit",
                "export.org.participants", "export.org.headcount", "export.org.ratePercent", "export.accuracyPercent",
                "export.org.attention", "export.org.score", "export.org.awarded", "export.note", "export.org.rateRaw",
                "export.accuracyRaw", "export.org.scoreRaw");
        List<List<Object>> rows = new ArrayList<>();
        for (OrgAwardFormula.Line l : orgAwarding.breakdown(id)) {
            rows.add(Arrays.asList(l.rank(), l.code(), l.name(), l.participants(), l.headcount(),
                    Figures.percentNumber(l.rate()), Figures.percentNumber(l.accuracy()),
                    l.attentionMissing() ? null : l.attention(),
                    BigDecimal.valueOf(l.score()).setScale(4, RoundingMode.HALF_UP),
                    word(locale, l.awarded() ? "export.yes" : "export.no"),
                    l.attentionMissing() ? word(locale, "export.org.attentionMissing") : null,
                    l.rate(), l.accuracy(), l.score()));
        }
        return file(format, "org-awards-" + id, word(locale, "export.org.sheet"), header, rows);
    }

    private List<String> words(Locale locale, String... keys) {
        return Arrays.stream(keys).map(k -> word(locale, k)).toList();
    }

    private String word(Locale locale, String key) {
        return messages.getMessage(key, null, locale);
    }

    private static ResponseEntity<byte[]> file(String format, String base, String sheet, List<String> header,
                                               List<List<Object>> rows) {
        return switch (format) {
            case "xlsx" -> ResponseEntity.ok()
                    .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(base + ".xlsx").build().toString())
                    .contentType(XLSX).body(Exports.xlsx(sheet, header, rows));
            case "csv" -> ResponseEntity.ok()
                    .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(base + ".csv").build().toString())
                    .contentType(MediaType.parseMediaType("text/csv; charset=UTF-8")).body(Exports.csv(header, rows));
            default -> throw Refusal.notFound("not_found", "refusal.report.exportFormat");
        };
    }
}
