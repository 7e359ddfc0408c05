package org.baiti.offline;

import java.util.List;

import org.baiti.testing.Api;
import org.baiti.testing.App;
import org.baiti.testing.Fixtures;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.baiti.offline.OfflineFiles.PERFECT;
import static org.baiti.offline.OfflineFiles.row;
import static org.baiti.offline.OfflineFiles.rows;

/** The offline results import over HTTP (SPEC §2.3, API.md), run on SQLite and PostgreSQL. */
interface OfflineImportContract extends App {

    default String importPath(long id) {
        return "/api/admin/contests/" + id + "/offline-results";
    }

    default JsonNode summary(long id) {
        Api.Response r = api().admin().get("/api/admin/contests/" + id + "/offline-results/summary");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    default JsonNode unit(JsonNode summary, String code) {
        for (JsonNode u : summary.get("units")) {
            if (u.get("code").asString().equals(code)) {
                return u;
            }
        }
        throw new AssertionError("no unit " + code + " in " + summary);
    }

    /** What Excel on Chinese Windows writes: GB18030, no byte order mark, Chinese header. */
    default byte[] excelChineseWindowsCsv() {
        return Fixtures.gb18030(rows(
                row("T001", "张三", "13800000001", "U1-1", "", PERFECT, "一号考场"),
                row("T002", "李四", "+86 138-0000-0002", "东城区", "4", "", "一号考场"),
                row("T003", "欧阳娜娜", "138 0000 0001", "U1-1-1", "", "A|AC|对|B|对", "二号考场")));
    }

    @Test
    default void aGb18030CsvFromExcelOnChineseWindowsImportsAndRollsUpToTopLevelUnits() {
        Api admin = api().admin();
        long id = OfflineFiles.contest(admin);
        byte[] file = excelChineseWindowsCsv();
        assertThat(file[0]).as("no byte order mark").isEqualTo((byte) 0xD7); // 准 in GB18030

        Api.Response r = admin.upload(importPath(id), "考场成绩.csv", file);

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("imported").asInt()).isEqualTo(3);
        assertThat(r.json().get("added").asInt()).isEqualTo(3);
        assertThat(r.json().get("changed").asInt()).isZero();
        JsonNode s = summary(id);
        assertThat(s.get("participants").asLong()).isEqualTo(3);
        assertThat(s.get("perfect").asLong()).isEqualTo(1);
        assertThat(s.get("distinctPhones").asLong()).as("T001 and T003 are the same phone").isEqualTo(2);
        JsonNode u1 = unit(s, "U1");
        assertThat(u1.get("participants").asLong()).as("U1-1 and U1-1-1 roll up to U1").isEqualTo(2);
        assertThat(u1.get("perfect").asLong()).isEqualTo(1);
        assertThat(u1.get("meanAccuracy").asDouble()).as("6/6 and 3/6 (Q2 missing a letter, Q3 wrong)")
                .isCloseTo(0.75, within(1e-9));
        JsonNode u2 = unit(s, "U2");
        assertThat(u2.get("participants").asLong()).as("unit given by its unique name").isEqualTo(1);
        assertThat(u2.get("meanAccuracy").asDouble()).isCloseTo(4.0 / 6, within(1e-9));
        assertThat(u2.get("name").asString()).isEqualTo("东城区");
    }

    @Test
    default void anXlsxWithNumericPhoneAndScoreCellsImports() {
        Api admin = api().admin();
        long id = OfflineFiles.contest(admin);
        byte[] xlsx = Fixtures.xlsx(rows(
                row("X001", "赵六", "13900000001", "U2", "6", "", "东城考场"),
                row("X002", "钱七", "13900000002", "U2-1", "", "A|ACD|B|B|A", "东城考场"),
                row("X003", "孙八", "13900000003", "U1", "0", "", "")));

        Api.Response r = admin.upload(importPath(id), "results.xlsx", xlsx);

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("added").asInt()).isEqualTo(3);
        JsonNode s = summary(id);
        assertThat(s.get("participants").asLong()).isEqualTo(3);
        assertThat(s.get("perfect").asLong()).as("6 of 6 typed, and answers marked all right").isEqualTo(2);
        assertThat(s.get("distinctPhones").asLong()).isEqualTo(3);
        assertThat(unit(s, "U1").get("meanAccuracy").asDouble()).isZero();
    }

    @Test
    default void aFileWithOneBadRowOfEachKindListsExactlyThoseRowsAndImportsNothing() {
        Api admin = api().admin();
        long id = OfflineFiles.contest(admin);
        OfflineFiles.expect200(admin.upload(importPath(id), "earlier.csv", Fixtures.csv(rows(
                row("T100", "周一", "13700000100", "U1", "5", "", "一号考场")))));

        byte[] bad = Fixtures.csv(rows(
                row("T200", "吴二", "13700000200", "U1", "3", "", "二号考场"),         // 2 good
                row("T201", "郑三", "13700000201", "U9", "3", "", "二号考场"),         // 3 unknown unit
                row("T200", "王四", "13700000202", "U1", "3", "", "二号考场"),         // 4 duplicate ticket in the file
                row("T100", "周一", "13700000100", "U1", "6", "", "一号考场"),         // 5 imported before, other data
                row("T203", "冯五", "12345", "U1", "3", "", "二号考场"),               // 6 not a mobile number
                row("T204", "陈六", "13700000204", "U1", "7", "", "二号考场"),         // 7 score above 6
                row("T205", "褚七", "13700000205", "U1", "", "A|ACD|错", "二号考场"),  // 8 three answers for five questions
                row("T206", "卫八", "13700000206", "U1", "", "A|ACD|C|B|对", "二号考场"), // 9 C on a true/false question
                row("T207", "蒋九", "13700000207", "办公室", "3", "", "二号考场"),      // 10 two units are called 办公室
                row("T208", "沈十", "13700000208", "U2", "", PERFECT, "二号考场")));   // 11 good

        Api.Response r = admin.upload(importPath(id), "bad.csv", bad);

        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.json().get("error").asString()).isEqualTo("invalid_file");
        assertThat(r.json().get("message").asString()).isEqualTo("文件有 8 处错误，未导入任何数据");
        JsonNode d = r.json().get("details");
        assertThat(d).hasSize(8);
        List<String> rowsAndColumns = new java.util.ArrayList<>();
        d.forEach(e -> rowsAndColumns.add(e.get("row").asInt() + " " + e.get("column").asString()));
        assertThat(rowsAndColumns).containsExactly(
                "3 单位编码 / unit", "4 准考证号 / ticket", "5 准考证号 / ticket", "6 手机号 / phone",
                "7 得分 / score", "8 答案 / answers", "9 答案 / answers", "10 单位编码 / unit");
        assertThat(reasons(d)).containsExactly(
                "未知单位：U9",
                "准考证号与第 2 行重复",
                "准考证号已在之前的导入中出现且内容不同",
                "不是中国大陆手机号（11 位，以 1 开头）：12345",
                "得分应在 0 到 6 之间：7",
                "应有 5 个答案，实际 3 个",
                "第 3 题没有选项 C",
                "单位名称“办公室”对应多个单位（U1-9、U2-9），请填写单位编码");

        // the same file for someone reading English: the same rows and columns, the reasons in English
        Api.Response en = admin.accepting("en").upload(importPath(id), "bad.csv", bad);
        assertThat(en.status()).as(en.body()).isEqualTo(400);
        assertThat(en.json().get("error").asString()).isEqualTo("invalid_file");
        assertThat(en.json().get("message").asString()).isEqualTo("8 error(s) in the file; nothing was imported");
        List<String> enRowsAndColumns = new java.util.ArrayList<>();
        en.json().get("details").forEach(e -> enRowsAndColumns.add(e.get("row").asInt() + " " + e.get("column").asString()));
        assertThat(enRowsAndColumns).isEqualTo(rowsAndColumns);
        assertThat(reasons(en.json().get("details"))).containsExactly(
                "unknown unit: U9",
                "duplicate ticket: also in row 2",
                "ticket already imported with different data",
                "not a mainland mobile number (11 digits starting with 1): 12345",
                "the score must be between 0 and 6: 7",
                "expected 5 answers, found 3",
                "question 3 has no option C",
                "unit name \"办公室\" is ambiguous: it matches U1-9, U2-9; use the unit code");
        assertThat(summary(id).get("participants").asLong()).as("nothing of the bad file").isEqualTo(1);
    }

    private static List<String> reasons(JsonNode details) {
        List<String> reasons = new java.util.ArrayList<>();
        details.forEach(e -> reasons.add(e.get("reason").asString()));
        return reasons;
    }

    @Test
    default void importingTheSameFileTwiceChangesNothingTheSecondTime() {
        Api admin = api().admin();
        long id = OfflineFiles.contest(admin);
        byte[] file = excelChineseWindowsCsv();
        OfflineFiles.expect200(admin.upload(importPath(id), "a.csv", file));
        JsonNode before = summary(id);

        Api.Response again = admin.upload(importPath(id), "a.csv", file);

        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.json().get("imported").asInt()).isEqualTo(3);
        assertThat(again.json().get("added").asInt()).isZero();
        assertThat(again.json().get("changed").asInt()).isZero();
        assertThat(summary(id)).isEqualTo(before);
    }

    @Test
    default void aLaterFileFromAnotherVenueAddsItsRows() {
        Api admin = api().admin();
        long id = OfflineFiles.contest(admin);
        OfflineFiles.expect200(admin.upload(importPath(id), "venue1.csv", excelChineseWindowsCsv()));

        Api.Response r = admin.upload(importPath(id), "venue2.csv", Fixtures.csv(rows(
                row("V2-001", "韩梅梅", "13600000001", "U2-1", "", PERFECT, "东城二号考场"),
                row("V2-002", "李雷", "13600000002", "U2", "2", "", "东城二号考场"),
                row("T002", "李四", "13800000002", "U2", "4", "", "一号考场")))); // also in the first file, same data

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("imported").asInt()).isEqualTo(3);
        assertThat(r.json().get("added").asInt()).isEqualTo(2);
        JsonNode s = summary(id);
        assertThat(s.get("participants").asLong()).isEqualTo(5);
        assertThat(s.get("perfect").asLong()).isEqualTo(2);
        assertThat(unit(s, "U2").get("participants").asLong()).isEqualTo(3);
    }

    @Test
    default void aFrozenContestRefusesResults() {
        Api admin = api().admin();
        long id = OfflineFiles.contest(admin);
        assertThat(admin.postJson("/api/admin/contests/" + id + "/freeze", "").status()).isEqualTo(200);

        Api.Response r = admin.upload(importPath(id), "late.csv", excelChineseWindowsCsv());

        assertThat(r.status()).isEqualTo(409);
        assertThat(r.json().get("error").asString()).isEqualTo("frozen");
        assertThat(summary(id).get("participants").asLong()).isZero();
    }

    @Test
    default void anonymousCallersCannotImportOrReadTheFigures() {
        long id = OfflineFiles.contest(api().admin());
        Api.Response r = api().upload(importPath(id), "a.csv", excelChineseWindowsCsv());
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.json().get("error").asString()).isEqualTo("unauthorized");
        assertThat(api().get(importPath(id) + "/summary").status()).isEqualTo(401);
        assertThat(summary(id).get("participants").asLong()).isZero();
    }

    @Test
    default void resultsNeedTheBankForThePaperMaximum() {
        Api admin = api().admin();
        long id = Fixtures.contest(admin, 5);
        OfflineFiles.expect200(admin.upload("/api/admin/contests/" + id + "/units", "u.csv", Fixtures.csv(Fixtures.units())));

        Api.Response r = admin.upload(importPath(id), "a.csv", excelChineseWindowsCsv());

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("error").asString()).isEqualTo("no_bank");
    }

    @Test
    default void aFileWithoutAPhoneColumnOrWithoutRowsIsRefused() {
        Api admin = api().admin();
        long id = OfflineFiles.contest(admin);

        Api.Response noPhone = admin.upload(importPath(id), "a.csv", Fixtures.csv(List.of(
                List.of("准考证号", "姓名", "单位编码", "得分"), List.of("T1", "张三", "U1", "3"))));
        assertThat(noPhone.status()).isEqualTo(400);
        assertThat(noPhone.json().get("details").get(0).get("row").asInt()).isEqualTo(1);
        assertThat(noPhone.json().get("details").get(0).get("column").asString()).isEqualTo("手机号");

        Api.Response empty = admin.upload(importPath(id), "b.csv", Fixtures.csv(List.of(OfflineFiles.HEADER)));
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.json().get("error").asString()).isEqualTo("empty_file");
        assertThat(summary(id).get("participants").asLong()).isZero();
    }

    @Test
    default void englishHeadersInAnyOrderWork() {
        Api admin = api().admin();
        long id = OfflineFiles.contest(admin);
        Api.Response r = admin.upload(importPath(id), "en.csv", Fixtures.csv(List.of(
                List.of("Phone", " Answers ", "TICKET", "Unit", "Name", "Notes"),
                List.of("13500000001", PERFECT, "E1", "U1", "Zhang San", "ignored"))));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(summary(id).get("perfect").asLong()).isEqualTo(1);
    }
}
