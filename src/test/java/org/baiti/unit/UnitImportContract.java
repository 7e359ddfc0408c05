package org.baiti.unit;

import java.util.ArrayList;
import java.util.List;

import org.baiti.testing.Api;
import org.baiti.testing.App;
import org.baiti.testing.Fixtures;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** The unit tree import over HTTP (SPEC §2.2), run on SQLite and PostgreSQL. */
interface UnitImportContract extends App {

    @Test
    default void importsAGb18030CsvAndRollsEveryUnitUpToItsTopLevelUnit() {
        Api admin = api().admin();
        long id = Fixtures.contest(admin, 5);
        Api.Response r = admin.upload("/api/admin/contests/" + id + "/units", "units.csv", Fixtures.gb18030(Fixtures.units()));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("imported").asInt()).isEqualTo(5);

        JsonNode units = admin.get("/api/admin/contests/" + id + "/units").json();
        assertThat(units).hasSize(5);
        JsonNode grandchild = units.get(2);
        assertThat(grandchild.get("code").asString()).isEqualTo("U1-1-1");
        assertThat(grandchild.get("name").asString()).isEqualTo("第一中学初中部");
        assertThat(grandchild.get("topCode").asString()).isEqualTo("U1");
        assertThat(grandchild.get("depth").asInt()).isEqualTo(2);
        assertThat(units.get(3).get("headcount").asInt()).isEqualTo(500);
    }

    @Test
    default void reportsEveryBadRowAndImportsNothing() {
        Api admin = api().admin();
        long id = Fixtures.contest(admin, 5);
        List<List<String>> rows = new ArrayList<>(Fixtures.units());
        rows.add(List.of("U3", "西城区", "", ""));
        rows.add(List.of("U1", "重复编码", "", "10"));
        rows.add(List.of("U4", "无上级", "U9", ""));
        rows.add(List.of("U5", "", "", "abc"));
        Api.Response r = admin.upload("/api/admin/contests/" + id + "/units", "units.csv", Fixtures.csv(rows));

        assertThat(r.status()).isEqualTo(400);
        List<String> found = new ArrayList<>();
        r.json().get("details").forEach(d -> found.add(d.get("row").asInt() + ":" + d.get("column").asString().split(" ")[0]));
        assertThat(found).containsExactly("7:应参赛人数", "8:单位编码", "9:上级单位编码", "10:单位名称", "10:应参赛人数");
        assertThat(r.json().get("message").asString()).isEqualTo("文件有 5 处错误，未导入任何数据");
        assertThat(reasons(r)).containsExactly("顶级单位必填", "编码重复（第 2 行已有）", "上级单位编码不存在：U9", "必填",
                "应为非负整数：abc");
        assertThat(admin.get("/api/admin/contests/" + id + "/units").json()).isEmpty();

        Api.Response en = admin.accepting("en").upload("/api/admin/contests/" + id + "/units", "units.csv",
                Fixtures.csv(rows));
        assertThat(en.status()).isEqualTo(400);
        assertThat(en.json().get("error").asString()).isEqualTo("invalid_file");
        assertThat(en.json().get("message").asString()).isEqualTo("5 error(s) in the file; nothing was imported");
        assertThat(en.json().get("details")).as("the same rows and columns").isEqualTo(withReasons(r.json().get("details"),
                en.json().get("details")));
        assertThat(reasons(en)).containsExactly("required for a top-level unit", "duplicate code (also in row 2)",
                "unknown parent code: U9", "required", "must be a whole number ≥ 0: abc");
    }

    private static List<String> reasons(Api.Response r) {
        List<String> reasons = new ArrayList<>();
        r.json().get("details").forEach(d -> reasons.add(d.get("reason").asString()));
        return reasons;
    }

    /** {@code details} with the reasons of {@code other}: equal to {@code other} when only the reasons differ. */
    private static JsonNode withReasons(JsonNode details, JsonNode other) {
        tools.jackson.databind.node.ArrayNode copy = (tools.jackson.databind.node.ArrayNode) details.deepCopy();
        for (int i = 0; i < copy.size() && i < other.size(); i++) {
            ((tools.jackson.databind.node.ObjectNode) copy.get(i)).set("reason", other.get(i).get("reason"));
        }
        return copy;
    }

    @Test
    default void unitPickerFindsUnitsByNameWithoutPersonalData() {
        Api admin = api().admin();
        long id = Fixtures.contest(admin, 5);
        admin.upload("/api/admin/contests/" + id + "/units", "units.xlsx", Fixtures.xlsx(Fixtures.units()));
        JsonNode found = api().get("/api/contests/" + id + "/units?q=" + java.net.URLEncoder.encode("中学", java.nio.charset.StandardCharsets.UTF_8)).json();
        assertThat(found).hasSize(2);
        assertThat(found.get(0).get("code").asString()).isEqualTo("U1-1");
    }

    @Test
    default void attentionMarksAreZeroToHundredOnTopLevelUnits() {
        Api admin = api().admin();
        long id = Fixtures.contest(admin, 5);
        admin.upload("/api/admin/contests/" + id + "/units", "units.csv", Fixtures.csv(Fixtures.units()));
        assertThat(admin.putJson("/api/admin/contests/" + id + "/units/U1/attention", "{\"score\": 85}").status()).isEqualTo(200);
        Api.Response tooHigh = admin.putJson("/api/admin/contests/" + id + "/units/U1/attention", "{\"score\": 101}");
        assertThat(tooHigh.status()).isEqualTo(400);
        assertThat(tooHigh.json().get("error").asString()).isEqualTo("invalid_field");
        assertThat(tooHigh.json().get("message").asString()).isEqualTo("关注度评分应为 0 到 100 的整数");
        Api.Response notTop = admin.accepting("en").putJson("/api/admin/contests/" + id + "/units/U1-1/attention",
                "{\"score\": 50}");
        assertThat(notTop.status()).isEqualTo(404);
        assertThat(notTop.json().get("error").asString()).isEqualTo("not_found");
        assertThat(notTop.json().get("message").asString()).isEqualTo("No such top-level unit: U1-1");
        assertThat(admin.get("/api/admin/contests/" + id + "/units").json().get(0).get("attention").asInt()).isEqualTo(85);
    }
}
