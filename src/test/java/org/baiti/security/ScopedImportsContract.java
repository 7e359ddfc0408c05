package org.baiti.security;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.baiti.testing.Api;
import org.baiti.testing.App;
import org.baiti.testing.Fixtures;
import org.baiti.testing.WebSession;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A coordinator's offline import over the API and the page (where the import runs in the background), and the audit
 * of offline imports and of a draw's commit and reveal; on SQLite and PostgreSQL.
 */
interface ScopedImportsContract extends App {

    List<String> HEADER = List.of("准考证号", "姓名", "手机号", "单位编码", "得分");

    private long contest(Api admin) {
        long id = Fixtures.contest(admin, 5);
        assertThat(admin.upload("/api/admin/contests/" + id + "/units", "units.csv", Fixtures.csv(Fixtures.units())).status()).isEqualTo(200);
        assertThat(admin.upload("/api/admin/contests/" + id + "/bank", "bank.csv", Fixtures.csv(Fixtures.bank())).status()).isEqualTo(200);
        return id;
    }

    private static byte[] results(long seed, String... units) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(HEADER);
        for (int i = 0; i < units.length; i++) {
            rows.add(List.of("T" + seed + "-" + i, "考生" + i, "1370000" + String.format("%04d", (seed + i) % 10_000), units[i], "6"));
        }
        return Fixtures.csv(rows);
    }

    @Test
    default void aCoordinatorImportsOfflineResultsOnlyForRowsOfItsUnits() {
        Api admin = api().admin();
        long id = contest(admin);
        Staffing.Member coordinator = Staffing.member(admin, "COORDINATOR", id, "U1");
        String path = "/api/admin/contests/" + id + "/offline-results";

        Api.Response mixed = coordinator.api().upload(path, "mixed.csv", results(1, "U1", "U1-1-1", "U2-1", "东城区"));
        assertThat(mixed.status()).isEqualTo(400);
        JsonNode details = mixed.json().get("details");
        List<Integer> rows = new ArrayList<>();
        details.forEach(d -> {
            rows.add(d.get("row").asInt());
            assertThat(d.get("reason").asString()).isEqualTo("不属于您管理的单位");
        });
        assertThat(rows).containsExactly(4, 5);
        assertThat(admin.get("/api/admin/contests/" + id + "/offline-results/summary").json().get("participants").asLong())
                .as("nothing imported").isZero();

        Api.Response own = coordinator.api().upload(path, "own.csv", results(10, "U1", "U1-1-1"));
        assertThat(own.status()).as(own.body()).isEqualTo(200);
        assertThat(own.json().get("added").asInt()).isEqualTo(2);
        JsonNode audit = admin.get("/api/admin/audit?contest=" + id + "&action=offline.import").json().get("entries");
        assertThat(audit).hasSize(1);
        assertThat(audit.get(0).get("actor").asString()).isEqualTo(coordinator.username());
        assertThat(audit.get(0).get("detail").asString()).contains("\"added\":2").doesNotContain("13700");

        Staffing.Member elsewhere = Staffing.member(admin, "COORDINATOR", contest(admin), "U1");
        assertThat(elsewhere.api().upload(path, "own.csv", results(20, "U1")).status()).as("another contest").isEqualTo(403);
    }

    @Test
    default void aCoordinatorsImportFromThePageKeepsItsScopeInTheBackgroundJob() throws InterruptedException {
        Api admin = api().admin();
        long id = contest(admin);
        Staffing.Member coordinator = Staffing.member(admin, "COORDINATOR", id, "U2");
        WebSession web = new WebSession(api());
        assertThat(web.login(coordinator.username(), Staffing.PASSWORD).status()).isEqualTo(302);
        WebSession.Page page = web.get("/admin/contests/" + id + "/offline");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).as("no contest-wide figures for a coordinator").doesNotContain("offline-units");

        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("_csrf", page.csrf());
        WebSession.Page started = web.upload("/admin/contests/" + id + "/offline", fields, "page.csv", results(30, "U2-1", "U1"));
        assertThat(started.status()).isEqualTo(302);
        String job = started.location().replaceAll(".*job=", "");
        JsonNode status = null;
        for (int i = 0; i < 300; i++) {
            status = Api.JSON.readTree(web.get("/admin/contests/" + id + "/offline/jobs/" + job).body());
            if (status.get("done").asBoolean()) {
                break;
            }
            Thread.sleep(100);
        }
        assertThat(status.get("phase").asString()).isEqualTo("failed");
        assertThat(status.get("error").get("details").get(0).get("row").asInt()).isEqualTo(3);
        assertThat(status.get("error").get("details").get(0).get("reason").asString()).isEqualTo("不属于您管理的单位");
        assertThat(admin.get("/api/admin/contests/" + id + "/offline-results/summary").json().get("participants").asLong()).isZero();

        assertThat(web.get("/admin/contests/" + contest(admin) + "/offline").status()).as("another contest").isEqualTo(403);
    }

    /** Finding 15 of the probe: the job's progress, like its page, is for the contest's own staff. */
    @Test
    default void aCoordinatorCannotFollowAnImportJobOfAnotherContest() {
        Api admin = api().admin();
        long other = contest(admin);
        WebSession adminWeb = new WebSession(api());
        assertThat(adminWeb.login("admin", App.ADMIN_PASSWORD).status()).isEqualTo(302);
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("_csrf", adminWeb.get("/admin/contests/" + other + "/offline").csrf());
        WebSession.Page started = adminWeb.upload("/admin/contests/" + other + "/offline", fields, "o.csv",
                results(50, "U1", "U2"));
        assertThat(started.status()).isEqualTo(302);
        String job = started.location().replaceAll(".*job=", "");
        assertThat(adminWeb.get("/admin/contests/" + other + "/offline/jobs/" + job).status()).isEqualTo(200);

        long own = contest(admin);
        Staffing.Member coordinator = Staffing.member(admin, "COORDINATOR", own, "U2");
        WebSession web = new WebSession(api());
        assertThat(web.login(coordinator.username(), Staffing.PASSWORD).status()).isEqualTo(302);
        WebSession.Page foreign = web.get("/admin/contests/" + other + "/offline/jobs/" + job);
        assertThat(foreign.status()).as(foreign.body()).isEqualTo(403);
        assertThat(foreign.body()).doesNotContain("\"phase\"");
        assertThat(web.get("/admin/contests/" + own + "/offline/jobs/" + job).status()).as("not a job of its contest")
                .isEqualTo(404);
    }

    @Test
    default void aCoordinatorReadsTheStatisticsLinesOfItsOwnUnitsOnly() {
        Api admin = api().admin();
        long id = contest(admin);
        assertThat(admin.upload("/api/admin/contests/" + id + "/offline-results", "r.csv", results(50, "U1", "U2", "U2-1")).status())
                .isEqualTo(200);
        List<String> all = new ArrayList<>();
        admin.get("/api/admin/contests/" + id + "/statistics").json().get("units").forEach(u -> all.add(u.get("code").asString()));
        assertThat(all).containsExactlyInAnyOrder("U1", "U2");

        Staffing.Member coordinator = Staffing.member(admin, "COORDINATOR", id, "U2");
        Api.Response mine = coordinator.api().get("/api/admin/contests/" + id + "/statistics");
        assertThat(mine.status()).as(mine.body()).isEqualTo(200);
        assertThat(mine.json().get("units")).hasSize(1);
        assertThat(mine.json().get("units").get(0).get("code").asString()).isEqualTo("U2");
        assertThat(mine.json().get("units").get(0).get("offline").asLong()).isEqualTo(2);
        assertThat(coordinator.api().get("/api/admin/contests/" + contest(admin) + "/statistics").status()).isEqualTo(403);
        assertThat(coordinator.api().get("/api/admin/contests/" + id + "/awards").status()).isEqualTo(403);
        assertThat(coordinator.api().get("/api/admin/contests/" + id + "/exports/winners.csv").status()).isEqualTo(403);
    }

    @Test
    default void theDrawsCommitAndRevealAreAudited() {
        Api admin = api().admin();
        long id = contest(admin);
        assertThat(admin.upload("/api/admin/contests/" + id + "/offline-results", "r.csv", results(40, "U1", "U2", "U2-1")).status())
                .isEqualTo(200);
        Api.Response commit = admin.postJson("/api/admin/contests/" + id + "/draws", Map.of("name", "线下抽奖", "k", 2,
                "pool", "offline-perfect", "seedSources", "两位公证员各报一个数"));
        assertThat(commit.status()).as(commit.body()).isEqualTo(201);
        long draw = commit.json().get("id").asLong();
        Api organizer = Staffing.account(admin, "ORGANIZER", null, null);
        Api.Response reveal = organizer.postJson("/api/admin/draws/" + draw + "/reveal", Map.of("seed", List.of("17", "42")));
        assertThat(reveal.status()).as(reveal.body()).isEqualTo(200);
        Api auditor = Staffing.account(admin, "AUDITOR", null, null);
        assertThat(auditor.postJson("/api/admin/draws/" + draw + "/reveal", Map.of("seed", List.of("1"))).status()).isEqualTo(403);

        JsonNode entries = admin.get("/api/admin/audit?contest=" + id).json().get("entries");
        assertThat(entries.get(0).get("action").asString()).isEqualTo("draw.reveal");
        assertThat(entries.get(0).get("detail").asString()).contains("\"seed\":[\"17\",\"42\"]")
                .contains(reveal.json().get("seedDigest").asString());
        assertThat(entries.get(1).get("action").asString()).isEqualTo("draw.commit");
        assertThat(entries.get(1).get("actor").asString()).isEqualTo("admin");
        assertThat(entries.get(1).get("detail").asString()).contains(commit.json().get("poolDigest").asString());
        assertThat(admin.get("/api/admin/audit/verify").json().get("intact").asBoolean()).isTrue();
    }
}
