package org.baiti.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.baiti.contest.Contesting;
import org.baiti.orgaward.OrgAwardFormula;
import org.baiti.orgaward.OrgAwarding;
import org.baiti.unit.UnitScope;
import org.baiti.unit.UnitScopes;
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
    private final Contesting contesting;
    private final Charts charts;
    private final UnitScopes scopes;

    ReportController(Reporting reporting, OrgAwarding orgAwarding, Contesting contesting, Charts charts,
                     UnitScopes scopes) {
        this.scopes = scopes;
        this.reporting = reporting;
        this.orgAwarding = orgAwarding;
        this.contesting = contesting;
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
    Map<String, String> summary(@PathVariable long id) {
        return Map.of("text", SummaryText.of(contesting.get(id), reporting.statistics(id), reporting.awards(id)));
    }

    @GetMapping({"/api/admin/contests/{id}/exports/winners.{format}", "/admin/contests/{id}/exports/winners.{format}"})
    ResponseEntity<byte[]> winners(@PathVariable long id, @PathVariable String format) {
        List<String> header = List.of("序号 No.", "奖项 Channel", "等级 Tier", "姓名 Name", "单位 Unit", "所属单位 Top-level unit",
                "准考证号 Ticket", "手机 Phone", "正确率 Accuracy", "用时(毫秒) Time used (ms)");
        List<List<Object>> rows = new ArrayList<>();
        int i = 1;
        for (Winner w : reporting.awards(id)) {
            rows.add(java.util.Arrays.asList(i++, w.channelName(), w.tier(), w.name(), w.unit(), w.topUnit(), w.ticket(),
                    w.maskedPhone(), w.accuracy(), "online".equals(w.channel()) ? w.durationMs() : null));
        }
        return file(format, "winners-" + id, "获奖名单", header, rows);
    }

    @GetMapping({"/api/admin/contests/{id}/exports/org-awards.{format}", "/admin/contests/{id}/exports/org-awards.{format}"})
    ResponseEntity<byte[]> orgAwards(@PathVariable long id, @PathVariable String format) {
        List<String> header = List.of("名次 Rank", "单位编码 Code", "单位 Unit", "参赛人数 Participants", "应参赛人数 Headcount",
                "参与率 Rate", "正确率 Accuracy", "组织评分 Attention", "得分 Score", "获奖 Awarded");
        List<List<Object>> rows = new ArrayList<>();
        for (OrgAwardFormula.Line l : orgAwarding.breakdown(id)) {
            rows.add(java.util.Arrays.asList(l.rank(), l.code(), l.name(), l.participants(), l.headcount(), l.rate(),
                    l.accuracy(), l.attentionMissing() ? "缺 missing" : l.attention(), l.score(), l.awarded() ? "是 yes" : ""));
        }
        return file(format, "org-awards-" + id, "组织奖", header, rows);
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
            default -> throw org.baiti.web.ApiException.notFound("只支持 xlsx 和 csv", "Only xlsx and csv are available");
        };
    }
}
