package org.baiti.draw;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.baiti.Dialect;
import org.baiti.testing.Api;
import org.baiti.testing.App;
import org.baiti.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The frozen pool as one {@code draw_pool} row of blobs (V51): what is stored, that tampering is refused, and that
 * draws committed before V51 (pool in {@code draw_entry} rows) still publish, reveal and answer look-ups the same.
 * Run on SQLite and PostgreSQL.
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
        return jdbc().query("SELECT compression, pool_keys, pool_display FROM draw_pool WHERE draw_id = ?",
                (rs, i) -> new Draws.StoredPool(rs.getString(1), rs.getBytes(2), rs.getBytes(3)), drawId).get(0);
    }

    @Test
    default void theKeyBlobIsThePreimageOfPAndTheDisplayBlobIsThePoolOfTheRecord() {
        long contest = contestWithAwkwardEntries();
        long id = commit(contest);
        Draws.StoredPool s = stored(id);
        byte[] keys = FrozenPool.decode(s.keys(), s.compression());
        byte[] display = FrozenPool.decode(s.display(), s.compression());

        JsonNode record = api().get("/api/draws/" + id).json();
        List<String> pool = new ArrayList<>();
        record.get("pool").forEach(e -> pool.add(e.get("key").asString()));
        assertThat(pool).contains("\uD83C\uDFB2-7", "Ａ-全角", "准考证-甲001").hasSize(23);
        assertThat(new String(keys, StandardCharsets.UTF_8)).isEqualTo(String.join("\n", pool) + "\n");
        assertThat(DrawAlgorithm.hex(DrawAlgorithm.sha256().digest(keys)))
                .isEqualTo(record.get("poolDigest").asString())
                .isEqualTo(DrawAlgorithm.poolDigestHex(pool));
        assertThat(new String(display, StandardCharsets.UTF_8)).isEqualTo(record.get("pool").toString());
        assertThat(record.get("pool").toString()).contains("\"name\":\"\uD840\uDC0B***\"", "\"unit\":\"X\\\\\\\"Y\"");
        assertThat(jdbc().queryForObject("SELECT COUNT(*) FROM draw_entry WHERE draw_id = ?", Integer.class, id))
                .as("no row per entry any more").isZero();
    }

    @Test
    default void aPoolReadInTwoHalvesIsThePoolReadAtOnce() {
        long contest = contestWithAwkwardEntries();
        ApplicationContext c = context();
        TransactionTemplate writing = new TransactionTemplate(c.getBean(PlatformTransactionManager.class));
        PoolCandidates halves = writing.execute(s -> draws(c, 2).offlinePerfect(contest));
        PoolCandidates once = writing.execute(s -> draws(c, Integer.MAX_VALUE).offlinePerfect(contest));
        PoolCandidates outside = draws(c, 2).offlinePerfect(contest); // no write lock held: one query
        assertThat(once.size()).isEqualTo(23);
        for (PoolCandidates p : List.of(halves, outside)) {
            assertThat(p.size()).isEqualTo(once.size());
            EncodedPool sorted = EncodedPool.sortUtf8(p.keyBytes(), p.keyOffsets(), p.size(), p.firstInvalidKey());
            EncodedPool expected = EncodedPool.sortUtf8(once.keyBytes(), once.keyOffsets(), once.size(), -1);
            assertThat(sorted.sortedPreimage()).isEqualTo(expected.sortedPreimage());
            assertThat(p.display(sorted.order())).isEqualTo(once.display(expected.order()));
        }
    }

    /** The ticket that splits the pool holds a quote: it is bound, not written into the COPY's text. */
    @Test
    default void aPoolSplitAtATicketWithAQuoteIsThePoolReadAtOnce() {
        Api admin = api().admin();
        long contest = Fixtures.contest(admin, Map.of("drawQuota", 1));
        admin.upload("/api/admin/contests/" + contest + "/units", "units.csv", Fixtures.csv(Fixtures.units()));
        OfflineRows.insert(jdbc(), contest, List.of(
                new OfflineRows.Row("A1", "甲", "13812345601", "U1", "U1", true),
                new OfflineRows.Row("B2", "乙", "13812345602", "U1", "U1", true),
                new OfflineRows.Row("C'3) TO STDOUT; --", "丙", "13812345603", "U1", "U1", true),
                new OfflineRows.Row("D4", "丁", "13812345604", "U1", "U1", true)));
        ApplicationContext c = context();
        TransactionTemplate writing = new TransactionTemplate(c.getBean(PlatformTransactionManager.class));
        PoolCandidates halves = writing.execute(s -> draws(c, 2).offlinePerfect(contest));
        PoolCandidates once = writing.execute(s -> draws(c, Integer.MAX_VALUE).offlinePerfect(contest));
        assertThat(halves.size()).isEqualTo(4).isEqualTo(once.size());
        EncodedPool sorted = EncodedPool.sortUtf8(halves.keyBytes(), halves.keyOffsets(), halves.size(), halves.firstInvalidKey());
        EncodedPool expected = EncodedPool.sortUtf8(once.keyBytes(), once.keyOffsets(), once.size(), -1);
        assertThat(sorted.sortedPreimage()).isEqualTo(expected.sortedPreimage());
        assertThat(new String(sorted.sortedPreimage(), StandardCharsets.UTF_8)).contains("C'3) TO STDOUT; --\n");
    }

    private static JdbcDraws draws(ApplicationContext c, int splitRows) {
        return new JdbcDraws(c.getBean(JdbcClient.class), c.getBean(JdbcTemplate.class), c.getBean(DataSource.class),
                c.getBean(PlatformTransactionManager.class), c.getBean(Dialect.class), c.getBean(JsonMapper.class),
                new DrawSettings("", splitRows));
    }

    @Test
    default void aTamperedKeyBlobIsRefusedAtTheReveal() {
        long id = commit(contestWithAwkwardEntries());
        Draws.StoredPool s = stored(id);
        String keys = new String(FrozenPool.decode(s.keys(), s.compression()), StandardCharsets.UTF_8);
        byte[] changed = keys.replace("B00003\n", "B00003x\n").getBytes(StandardCharsets.UTF_8);
        jdbc().update("UPDATE draw_pool SET pool_keys = ? WHERE draw_id = ?",
                FrozenPool.encode(changed, s.compression()), id);

        Api.Response r = reveal(id, List.of("a", "b"));
        assertThat(r.status()).as(r.body()).isEqualTo(409);
        assertThat(r.json().get("error").asString()).isEqualTo("pool_changed");
        assertThat(api().get("/api/draws/" + id + "/summary").json().get("status").asString()).isEqualTo("COMMITTED");
    }

    @Test
    default void aTamperedDisplayBlobIsRefusedAtTheReveal() {
        long id = commit(contestWithAwkwardEntries());
        Draws.StoredPool s = stored(id);
        String display = new String(FrozenPool.decode(s.display(), s.compression()), StandardCharsets.UTF_8);
        byte[] changed = display.replace("\"key\":\"B00003\"", "\"key\":\"B00099\"").getBytes(StandardCharsets.UTF_8);
        jdbc().update("UPDATE draw_pool SET pool_display = ? WHERE draw_id = ?",
                FrozenPool.encode(changed, s.compression()), id);

        Api.Response r = reveal(id, List.of("a", "b"));
        assertThat(r.status()).as(r.body()).isEqualTo(409);
        assertThat(r.json().get("error").asString()).isEqualTo("pool_changed");
    }

    /**
     * A draw committed before V51 has draw_entry rows and no draw_pool row. A copy of a new draw in that old form
     * must publish the same record byte for byte (but for its id), reveal to the same winners, and answer the summary
     * and "find my ticket" the same.
     */
    @Test
    default void aDrawOfTheOldRowFormPublishesRevealsAndAnswersLikeTheNewForm() {
        long contest = contestWithAwkwardEntries();
        long id = commit(contest);
        long old = id + 1_000_000;
        jdbc().update("""
                INSERT INTO draw (id, contest_id, name, k, pool_kind, seed_sources, tiers, pool_digest, n, status,
                    committed_at, committed_by)
                SELECT ?, contest_id, name, k, pool_kind, seed_sources, tiers, pool_digest, n, status, committed_at,
                    committed_by FROM draw WHERE id = ?
                """, old, id);
        JsonNode pool = api().get("/api/draws/" + id).json().get("pool");
        for (int pos = 0; pos < pool.size(); pos++) {
            JsonNode e = pool.get(pos);
            jdbc().update("INSERT INTO draw_entry (draw_id, pos, entry_key, name, unit) VALUES (?, ?, ?, ?, ?)", old,
                    pos, e.get("key").asString(), e.get("name").asString(), e.get("unit").asString());
        }

        assertThat(api().get("/api/draws/" + old).body().replace("\"id\":" + old + ",", "\"id\":" + id + ","))
                .isEqualTo(api().get("/api/draws/" + id).body());
        for (String q : List.of("准考证-甲001", "\uD83C\uDFB2-7", "B00000", "B00019", "nobody")) {
            String path = "/pool?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8);
            assertThat(api().get("/api/draws/" + old + path).body()).as(q)
                    .isEqualTo(api().get("/api/draws/" + id + path).body());
        }

        List<String> seed = List.of("12345", "6 6 1");
        Api.Response newReveal = reveal(id, seed);
        Api.Response oldReveal = reveal(old, seed);
        assertThat(newReveal.status()).as(newReveal.body()).isEqualTo(200);
        assertThat(oldReveal.status()).as(oldReveal.body()).isEqualTo(200);
        assertThat(oldReveal.json().get("winners")).isEqualTo(newReveal.json().get("winners"));
        assertThat(oldReveal.json().get("seedDigest")).isEqualTo(newReveal.json().get("seedDigest"));
        assertThat(DrawVerifier.verifyJson(oldReveal.body()).verified()).isTrue();
        assertThat(DrawVerifier.verifyJson(newReveal.body()).verified()).isTrue();
        JsonNode newSummary = api().get("/api/draws/" + id + "/summary").json();
        JsonNode oldSummary = api().get("/api/draws/" + old + "/summary").json();
        assertThat(oldSummary.get("winnerEntries")).isEqualTo(newSummary.get("winnerEntries"));
        assertThat(newSummary.get("winnerEntries")).hasSize(3);
        String winner = URLEncoder.encode(newReveal.json().get("winners").get(2).asString(), StandardCharsets.UTF_8);
        JsonNode hit = api().get("/api/draws/" + id + "/pool?q=" + winner).json();
        assertThat(hit.get("place").asInt()).isEqualTo(3);
        assertThat(api().get("/api/draws/" + old + "/pool?q=" + winner).json()).isEqualTo(hit);
        assertThat(reveal(old, seed).status()).as("sealed once").isEqualTo(409);
    }
}
