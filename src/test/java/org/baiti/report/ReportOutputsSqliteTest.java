package org.baiti.report;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.baiti.testing.Api;
import org.baiti.testing.App;
import org.baiti.testing.Fixtures;
import org.baiti.testing.SqliteApp;
import org.baiti.testing.WebSession;
import org.baiti.web.Figures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The press summary and the exports of a contest where rounding matters: unit 市教育局 has 3 participants of a
 * headcount of 1,200 (0.25 %, shown 0.3 % — rounding half-even or on the binary double would show 0.2 %), and its
 * hardest question was answered right by 1 of 3 (33.3 %). The summary's figures must be the table's, in Chinese and in
 * English; the exports' numbers must be numbers, with the raw values beside them and missing values explained in a
 * note column.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportOutputsSqliteTest extends SqliteApp {

    static final String UNIT = "市教育局";
    static final String OTHER_UNIT = "东城区";
    /** Words of the imported data: they may appear on a page in any language. */
    static final List<String> DATA = List.of("测试竞赛 Test contest", UNIT, OTHER_UNIT, "森林火警电话是？");
    static final Pattern CJK = Pattern.compile("\\p{IsHan}");
    static final Pattern WORD = Pattern.compile("\\b[A-Za-z]{3,}\\b");

    long id;
    long onlineMillis;

    @BeforeAll
    void contest() {
        Api admin = api().admin();
        id = Fixtures.contest(admin, Map.of("questionsPerPaper", 5, "onlineQuota", 3, "orgQuota", 1));
        List<List<String>> units = List.of(List.of("单位编码", "单位名称", "上级单位编码", "应参赛人数"),
                List.of("U1", UNIT, "", "1200"), List.of("U2", OTHER_UNIT, "", "3000"));
        expect200(admin.upload("/api/admin/contests/" + id + "/units", "units.csv", Fixtures.csv(units)));
        // The first five fixture questions: the online paper holds all of them, as the offline paper does.
        expect200(admin.upload("/api/admin/contests/" + id + "/bank", "bank.csv",
                Fixtures.csv(Fixtures.bank().subList(0, 6))));
        // Two offline papers in U1 with Q1 wrong (5 of 6 points each), no venue.
        List<List<String>> offline = List.of(List.of("准考证号", "姓名", "手机号", "单位编码", "得分", "答案", "考场"),
                List.of("K001", "张三", "13800000001", "U1", "", "B|ACD|错|B|对", ""),
                List.of("K002", "李四", "13800000002", "U1", "", "C|ACD|错|B|对", ""));
        expect200(admin.upload("/api/admin/contests/" + id + "/offline-results", "offline.csv", Fixtures.csv(offline)));
        // One online paper in U1, all right: Q1 is then right 1 of 3 times, every other question 3 of 3.
        Map<String, Set<String>> right = Map.of("Q1", Set.of("12119"), "Q2", Set.of("可燃物", "助燃物", "着火源"),
                "Q3", Set.of("错"), "Q4", Set.of("盖锅盖"), "Q5", Set.of("对"));
        Api.Response started = api().postJson("/api/contests/" + id + "/attempts",
                Map.of("name", "王五", "phone", "13800000003", "unit", "U1", "consent", true));
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        Map<String, List<String>> answers = new HashMap<>();
        for (JsonNode q : started.json().get("questions")) {
            List<String> ids = new ArrayList<>();
            q.get("options").forEach(o -> {
                if (right.get(q.get("id").asString()).contains(o.get("text").asString())) {
                    ids.add(o.get("id").asString());
                }
            });
            answers.put(q.get("id").asString(), ids);
        }
        Api.Response submitted = api().postJson("/api/attempts/" + started.json().get("attemptId").asString() + "/submit",
                Map.of("answers", answers), started.json().get("token").asString());
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
        assertThat(submitted.json().get("accuracy").asDouble()).isEqualTo(1.0);
        onlineMillis = submitted.json().get("durationMs").asLong();
        assertThat(admin.putJson("/api/admin/contests/" + id + "/units/U1/attention", Map.of("score", 80)).status())
                .isEqualTo(200);
    }

    @Test
    void theSummaryShowsTheFiguresOfTheTableBesideItInChinese() {
        Dashboard d = dashboard("zh-CN");
        assertThat(d.rate()).as("3 of 1,200, rounded half up on the decimal value").isEqualTo("0.3%");
        assertThat(d.accuracy()).isEqualTo(Figures.percentNumber((5 / 6.0 + 5 / 6.0 + 1) / 3) + "%").isEqualTo("88.9%");
        assertThat(d.summary()).contains("参与率最高的单位是" + UNIT + "，参与率" + d.rate() + "。")
                .contains("正确率最低的题目是“森林火警电话是？”（题号Q1），正确率33.3%。")
                .contains("线上成绩最好的参赛者正确率100.0%，用时" + Figures.secondsNumber(onlineMillis) + "秒。")
                .contains("共有3人次参赛，其中线上答题1人、满分1人，线下答题2人、满分0人，按手机号去重后共3人参与。")
                .contains("共评出优秀个人1名（线上按正确率和用时排名1名，线下满分人员中现场公开抽取0名），优秀组织单位1个。");
        assertThat(WORD.matcher(withoutData(d.summary())).find()).as("no English in: " + d.summary()).isFalse();
        assertThat(summaryJson("zh-CN")).isEqualTo(d.summary());
    }

    @Test
    void theSummaryShowsTheFiguresOfTheTableBesideItInEnglish() {
        Dashboard d = dashboard("en");
        assertThat(d.rate()).isEqualTo("0.3%");
        assertThat(d.summary()).contains("The unit with the highest participation rate was " + UNIT + ", at " + d.rate() + ".")
                .contains("The question answered right least often was \"森林火警电话是？\" (question Q1), at 33.3%.")
                .contains("The best online result was 100.0% right in " + Figures.secondsNumber(onlineMillis) + " seconds.")
                .contains("had 3 entries: 1 answered online (1 with full marks) and 2 offline (0 with full marks)");
        assertThat(CJK.matcher(withoutData(d.summary())).find()).as("no Chinese in: " + d.summary()).isFalse();
        assertThat(summaryJson("en")).isEqualTo(d.summary());
    }

    @Test
    void theWinnersExportHasNumbersTheRawValuesAndHeadersInTheRequestsLanguage() throws Exception {
        XSSFSheet zh = sheet("winners.xlsx", null);
        assertThat(texts(zh.getRow(0))).containsExactly("序号", "奖项", "等级", "姓名", "单位", "所属单位", "准考证号",
                "手机号（打码）", "正确率（%）", "用时（秒）", "备注", "正确率（原始小数）", "用时（原始值，毫秒）");
        XSSFRow w = zh.getRow(1);
        assertThat(w.getCell(0).getNumericCellValue()).isEqualTo(1.0);
        assertThat(w.getCell(1).getStringCellValue()).isEqualTo("线上排名");
        assertThat(w.getCell(3).getStringCellValue()).isEqualTo("王五");
        assertThat(w.getCell(8).getCellType()).isEqualTo(CellType.NUMERIC);
        assertThat(w.getCell(8).getNumericCellValue()).isEqualTo(100.0);
        assertThat(w.getCell(9).getNumericCellValue()).isEqualTo(Figures.secondsNumber(onlineMillis).doubleValue());
        assertThat(w.getCell(10)).as("no note for an online winner").isNull();
        assertThat(w.getCell(11).getNumericCellValue()).isEqualTo(1.0);
        assertThat(w.getCell(12).getNumericCellValue()).isEqualTo((double) onlineMillis);

        XSSFSheet en = sheet("winners.xlsx", "en");
        assertThat(en.getSheetName()).isEqualTo("Winners");
        assertThat(texts(en.getRow(0))).containsExactly("No.", "Award", "Tier", "Name", "Unit", "Top-level unit",
                "Ticket", "Phone (masked)", "Accuracy (%)", "Time used (s)", "Note", "Accuracy (raw fraction)",
                "Time used (raw, ms)");
        assertThat(en.getRow(1).getCell(1).getStringCellValue()).isEqualTo("Online ranking");

        List<CSVRecord> csv = csv("winners.csv", null);
        assertThat(csv.get(0).get(0)).isEqualTo("序号");
        assertThat(csv.get(1).values()).containsExactly("1", "线上排名", "", "王五", UNIT, UNIT, "", "138****0003",
                "100.0", Figures.secondsNumber(onlineMillis).toPlainString(), "", "1", String.valueOf(onlineMillis));
    }

    @Test
    void theOrgAwardExportKeepsMissingMarksOutOfTheNumbersWithANote() throws Exception {
        XSSFSheet zh = sheet("org-awards.xlsx", null);
        assertThat(texts(zh.getRow(0))).containsExactly("名次", "单位编码", "单位", "参赛人数", "应参赛人数", "参与率（%）",
                "正确率（%）", "重视程度评分", "得分", "获奖", "备注", "参与率（原始小数）", "正确率（原始小数）", "得分（原始值）");
        XSSFRow u1 = zh.getRow(1);
        XSSFRow u2 = zh.getRow(2);
        assertThat(u1.getCell(1).getStringCellValue()).isEqualTo("U1");
        assertThat(u1.getCell(3).getNumericCellValue()).isEqualTo(3.0);
        assertThat(u1.getCell(4).getNumericCellValue()).isEqualTo(1200.0);
        assertThat(u1.getCell(5).getNumericCellValue()).isEqualTo(0.3);
        assertThat(u1.getCell(5).getCellStyle().getDataFormatString()).isEqualTo("0.0");
        assertThat(u1.getCell(6).getNumericCellValue()).isEqualTo(88.9);
        assertThat(u1.getCell(7).getNumericCellValue()).isEqualTo(80.0);
        assertThat(u1.getCell(9).getStringCellValue()).isEqualTo("是");
        assertThat(u1.getCell(10)).isNull();
        assertThat(u1.getCell(11).getNumericCellValue()).isEqualTo(3 / 1200.0);
        assertThat(u2.getCell(1).getStringCellValue()).isEqualTo("U2");
        assertThat(u2.getCell(7)).as("a missing mark is an empty cell, not a word").isNull();
        assertThat(u2.getCell(9).getStringCellValue()).isEqualTo("否");
        assertThat(u2.getCell(10).getStringCellValue()).isEqualTo("未评重视程度分，按 0 分计");
        for (int c = 3; c <= 8; c++) {
            if (c != 7) {
                assertThat(u2.getCell(c).getCellType()).as("column %d", c).isEqualTo(CellType.NUMERIC);
            }
        }

        XSSFSheet en = sheet("org-awards.xlsx", "en");
        assertThat(texts(en.getRow(0))).startsWith("Rank", "Unit code", "Unit", "Participants", "Headcount",
                "Participation rate (%)", "Accuracy (%)", "Attention mark", "Score", "Awarded", "Note");
        assertThat(en.getRow(2).getCell(10).getStringCellValue()).isEqualTo("No attention mark: counted as 0");

        List<CSVRecord> csv = csv("org-awards.csv", "en");
        assertThat(csv.get(1).get(5)).isEqualTo("0.3");
        assertThat(csv.get(1).get(11)).isEqualTo("0.0025");
        assertThat(csv.get(2).get(7)).isEmpty();
        assertThat(csv.get(2).get(10)).isEqualTo("No attention mark: counted as 0");
        assertThat(csv.get(2).get(11)).as("plain digits, no exponent").isEqualTo("0");
    }

    @Test
    void anUnknownFormatIsRefusedInTheRequestsLanguage() {
        WebSession en = staff();
        WebSession.Page page = en.get("/admin/contests/" + id + "/exports/winners.pdf", Map.of("Accept-Language", "en"));
        assertThat(page.status()).isEqualTo(404);
        assertThat(page.body()).contains("\"error\":\"not_found\"").contains("xlsx or csv");
        Api.Response zh = api().admin().get("/api/admin/contests/" + id + "/exports/winners.pdf");
        assertThat(zh.status()).isEqualTo(404);
        assertThat(zh.json().get("error").asString()).isEqualTo("not_found");
        assertThat(zh.json().get("message").asString()).isEqualTo("只能导出 xlsx 或 csv 格式");
    }

    // --- helpers

    record Dashboard(String summary, String rate, String accuracy) {
    }

    /** The dashboard in a language: the summary's text and the rate and accuracy cells of U1's row in the unit table. */
    Dashboard dashboard(String language) {
        WebSession.Page page = staff().get("/admin/contests/" + id + "/dashboard", Map.of("Accept-Language", language));
        assertThat(page.status()).isEqualTo(200);
        Matcher summary = Pattern.compile("id=\"summary\"[^>]*>([^<]*)<").matcher(page.body());
        assertThat(summary.find()).as(page.body()).isTrue();
        // The table row of U1: its percent cells are the participation rate, then the accuracy.
        List<String> percents = new ArrayList<>();
        for (String row : page.body().split("<tr")) {
            if (row.contains(">" + UNIT + "<")) {
                Matcher cell = Pattern.compile("<td[^>]*>([0-9.]+%)</td>").matcher(row);
                while (cell.find()) {
                    percents.add(cell.group(1));
                }
            }
        }
        assertThat(percents).as("the percent cells of %s's row", UNIT).hasSize(2);
        return new Dashboard(unescape(summary.group(1)), percents.get(0), percents.get(1));
    }

    String summaryJson(String language) {
        WebSession.Page r = staff().get("/admin/contests/" + id + "/summary.json", Map.of("Accept-Language", language));
        assertThat(r.status()).isEqualTo(200);
        return Api.JSON.readTree(r.body()).get("text").asString();
    }

    WebSession staff() {
        WebSession s = new WebSession(api());
        assertThat(s.login("admin", App.ADMIN_PASSWORD).status()).isEqualTo(302);
        return s;
    }

    XSSFSheet sheet(String file, String lang) throws Exception {
        byte[] bytes = download(file, lang);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            return wb.getSheetAt(0);
        }
    }

    List<CSVRecord> csv(String file, String lang) throws Exception {
        String text = new String(download(file, lang), StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF");
        return CSVFormat.DEFAULT.parse(new java.io.StringReader(text.substring(1))).getRecords();
    }

    byte[] download(String file, String lang) {
        WebSession.File f = staff().getFile("/admin/contests/" + id + "/exports/" + file + (lang == null ? "" : "?lang=" + lang));
        assertThat(f.status()).isEqualTo(200);
        return f.body();
    }

    static List<String> texts(XSSFRow row) {
        List<String> out = new ArrayList<>();
        row.forEach(c -> out.add(c.getStringCellValue()));
        return out;
    }

    static String withoutData(String text) {
        String out = text;
        for (String d : DATA) {
            out = out.replace(d, " ");
        }
        return out;
    }

    static String unescape(String html) {
        return html.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&");
    }

    static void expect200(Api.Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }
}
