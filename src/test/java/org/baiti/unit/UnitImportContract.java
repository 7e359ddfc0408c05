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
        assertThat(admin.get("/api/admin/contests/" + id + "/units").json()).isEmpty();
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
        assertThat(admin.putJson("/api/admin/contests/" + id + "/units/U1/attention", "{\"score\": 101}").status()).isEqualTo(400);
        assertThat(admin.putJson("/api/admin/contests/" + id + "/units/U1-1/attention", "{\"score\": 50}").status()).isEqualTo(404);
        assertThat(admin.get("/api/admin/contests/" + id + "/units").json().get(0).get("attention").asInt()).isEqualTo(85);
    }
}
