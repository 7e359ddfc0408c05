package org.baiti.draw;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.baiti.testing.Api;
import org.baiti.testing.App;
import org.baiti.testing.Fixtures;
import org.baiti.testing.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The frozen pool as one {@code draw_pool} row of blobs (V51): how the pool is read, what is stored, and that
 * tampering is refused. Run on SQLite and PostgreSQL.
 */
interface DrawPoolContract extends App {

    default JdbcTemplate jdbc() {
        return bean(JdbcTemplate.class);
    }

    /** Keys and names outside ASCII and the BMP, with characters JSON escapes. */
    private long contestWithAwkwardEntries() {
        Api admin = api().admin();
        long id = Fixtures.contest(admin, Map.of("drawQuota", 3));
        Api.Response units = admin.upload("/api/admin/contests/" + id + "/units", "units.csv",
                Fixtures.csv(Fixtures.units()));
        assertThat(units.status()).as(units.body()).isEqualTo(200);
        List<OfflineRows.Row> rows = new ArrayList<>(OfflineRows.rows("B", 20, 0));
        rows.add(new OfflineRows.Row("准考证-甲001", "诸葛亮", "13812345678", "U2-1", "U2", true));
        rows.add(new OfflineRows.Row("\uD83C\uDFB2-7", "\uD840\uDC0B\"名\"", "13812345679", "U1", "U1", true));
        rows.add(new OfflineRows.Row("Ａ-全角", "王\\五\t", "13812345670", "X\\\"Y", "X", true));
        OfflineRows.insert(jdbc(), id, rows);
        return id;
    }

    private long commit(long contestId) {
        Api.Response r = api().admin().postJson("/api/admin/contests/" + contestId + "/draws",
                Map.of("name", "池", "k", 3, "pool", "offline-perfect", "seedSources", "dice"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    private Api.Response reveal(long drawId, List<String> seed) {
        return api().admin().postJson("/api/admin/draws/" + drawId + "/reveal", Map.of("seed", seed));
    }

    private Draws.StoredPool stored(long drawId) {
        return jdbc().query("SELECT compression, pool_display FROM draw_pool WHERE draw_id = ?",
                (rs, i) -> new Draws.StoredPool(rs.getString(1), rs.getBytes(2)), drawId).get(0);
    }

    @Test
    default void theStoredBlobIsThePoolOfTheRecordAndItsKeysHashToP() {
        long contest = contestWithAwkwardEntries();
        long id = commit(contest);
        Draws.StoredPool s = stored(id);
        byte[] display = FrozenPool.inflate(s.display(), s.compression());

        JsonNode record = api().get("/api/draws/" + id).json();
        List<String> pool = new ArrayList<>();
        record.get("pool").forEach(e -> pool.add(e.get("key").asString()));
        assertThat(pool).contains("\uD83C\uDFB2-7", "Ａ-全角", "准考证-甲001").hasSize(23);
        assertThat(DrawAlgorithm.hex(DrawAlgorithm.sha256().digest((String.join("\n", pool) + "\n")
                .getBytes(StandardCharsets.UTF_8))))
                .isEqualTo(record.get("poolDigest").asString())
                .isEqualTo(DrawAlgorithm.hex(DrawAlgorithm.poolDigest(pool)));
        assertThat(new String(display, StandardCharsets.UTF_8)).isEqualTo(record.get("pool").toString());
        assertThat(record.get("pool").toString()).contains("\"name\":\"\uD840\uDC0B***\"", "\"unit\":\"X\\\\\\\"Y\"");
        Map<String, String> shown = new HashMap<>();
        record.get("pool").forEach(e -> shown.put(e.get("key").asString(),
                e.get("name").asString() + " / " + e.get("unit").asString()));
        assertThat(shown).as("names masked, unit names, a unit code without a unit as itself")
                .containsEntry("准考证-甲001", "诸** / 东城区街道办")
                .containsEntry("\uD83C\uDFB2-7", "\uD840\uDC0B*** / 市教育局")
                .containsEntry("Ａ-全角", "王** / X\\\"Y");
        assertThat(DrawAlgorithm.sortPool(pool)).as("byte order (SQLite BINARY, PostgreSQL C)").isEqualTo(pool);
    }

    /** A ticket with a quote and SQL in it is data, nothing else. */
    @Test
    default void aTicketWithAQuoteIsReadAsItIs() {
        Api admin = api().admin();
        long contest = Fixtures.contest(admin, Map.of("drawQuota", 1));
        admin.upload("/api/admin/contests/" + contest + "/units", "units.csv", Fixtures.csv(Fixtures.units()));
        OfflineRows.insert(jdbc(), contest, List.of(
                new OfflineRows.Row("A1", "甲", "13812345601", "U1", "U1", true),
                new OfflineRows.Row("B2", "乙", "13812345602", "U1", "U1", true),
                new OfflineRows.Row("C'3) TO STDOUT; --", "丙", "13812345603", "U1", "U1", true),
                new OfflineRows.Row("D4", "丁", "13812345604", "U1", "U1", true)));
        long id = commit(contest);
        Draws.StoredPool s = stored(id);
        assertThat(new String(FrozenPool.inflate(s.display(), s.compression()), StandardCharsets.UTF_8))
                .isEqualTo("[{\"key\":\"A1\",\"name\":\"甲*\",\"unit\":\"市教育局\"},"
                        + "{\"key\":\"B2\",\"name\":\"乙*\",\"unit\":\"市教育局\"},"
                        + "{\"key\":\"C'3) TO STDOUT; --\",\"name\":\"丙*\",\"unit\":\"市教育局\"},"
                        + "{\"key\":\"D4\",\"name\":\"丁*\",\"unit\":\"市教育局\"}]");
    }

    /** A key changed behind the application's back (the order kept) no longer hashes to P. */
    @Test
    default void aTamperedKeyIsRefusedAtTheReveal() {
        long id = commit(contestWithAwkwardEntries());
        tamper(id, display -> display.replace("\"key\":\"B00003\"", "\"key\":\"B00003x\""));

        Api.Response r = reveal(id, List.of("a", "b"));
        assertThat(r.status()).as(r.body()).isEqualTo(409);
        assertThat(r.json().get("error").asString()).isEqualTo("pool_changed");
        assertThat(api().get("/api/draws/" + id + "/summary").json().get("status").asString()).isEqualTo("COMMITTED");
    }

    /** Entries swapped (the keys, so P, unchanged as a set) are out of order: refused too. */
    @Test
    default void aReorderedPoolIsRefusedAtTheReveal() {
        long id = commit(contestWithAwkwardEntries());
        tamper(id, display -> display.replace("\"key\":\"B00003\"", "\"key\":\"SWAP\"")
                .replace("\"key\":\"B00004\"", "\"key\":\"B00003\"").replace("\"key\":\"SWAP\"", "\"key\":\"B00004\""));

        Api.Response r = reveal(id, List.of("a", "b"));
        assertThat(r.status()).as(r.body()).isEqualTo(409);
        assertThat(r.json().get("error").asString()).isEqualTo("pool_changed");
    }

    private void tamper(long drawId, java.util.function.UnaryOperator<String> change) {
        Draws.StoredPool s = stored(drawId);
        String display = new String(FrozenPool.inflate(s.display(), s.compression()), StandardCharsets.UTF_8);
        String changed = change.apply(display);
        assertThat(changed).isNotEqualTo(display);
        jdbc().update("UPDATE draw_pool SET pool_display = ? WHERE draw_id = ?",
                FrozenPool.deflate(changed.getBytes(StandardCharsets.UTF_8)), drawId);
    }

    /**
     * The draw page has two kinds of form: a refused reveal (a blank seed) keeps what it was sent for the page, and the
     * commit form must not take it for its own (it showed an empty name and number of winners).
     */
    @Test
    default void aRefusedRevealLeavesTheCommitFormItsDefaults() {
        long contest = contestWithAwkwardEntries();
        long id = commit(contest);
        WebSession web = new WebSession(api());
        assertThat(web.login("admin", App.ADMIN_PASSWORD).status()).isEqualTo(302);
        String page = "/admin/contests/" + contest + "/draws";
        Map<String, String> reveal = new HashMap<>();
        reveal.put("_csrf", web.get(page).csrf());
        reveal.put("seed", "  ");
        reveal.put("confirm", "yes");
        reveal.put("confirmName", api().admin().get("/api/admin/contests/" + contest).json().get("name").asString());
        assertThat(web.post("/admin/draws/" + id + "/reveal", reveal).status()).isEqualTo(302);
        String body = web.get(page).body();
        assertThat(body).as("the reveal was refused").contains("class=\"error\"");
        assertThat(body).as("the commit form shows its defaults, not the reveal's fields")
                .containsPattern("id=\"draw-name\" name=\"name\" value=\"[^\"]+\"")
                .containsPattern("id=\"draw-k\" name=\"k\" type=\"number\" min=\"1\" value=\"\\d+\"");
        assertThat(api().get("/api/draws/" + id + "/summary").json().get("status").asString()).isEqualTo("COMMITTED");
    }
}
