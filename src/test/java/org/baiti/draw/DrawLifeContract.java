package org.baiti.draw;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.baiti.person.Phones;
import org.baiti.testing.Api;
import org.baiti.testing.App;
import org.baiti.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import org.baiti.verify.VerifyDraw;

import static org.assertj.core.api.Assertions.assertThat;

/** The life of a public draw over HTTP (SPEC §5, API.md): commit, reveal, seal; run on SQLite and PostgreSQL. */
interface DrawLifeContract extends App {

    /** The application's database, to write offline results the way the offline import leaves them. */
    default JdbcTemplate jdbc() {
        return bean(JdbcTemplate.class);
    }

    /** A contest with the unit tree and 40 offline results (every 4th not perfect), plus a non-ASCII ticket. */
    default Setup setUp() {
        Api admin = api().admin();
        long id = Fixtures.contest(admin, Map.of("drawQuota", 5));
        Api.Response units = admin.upload("/api/admin/contests/" + id + "/units", "units.csv",
                Fixtures.csv(Fixtures.units()));
        assertThat(units.status()).as(units.body()).isEqualTo(200);
        List<OfflineRows.Row> rows = new ArrayList<>(OfflineRows.rows("A", 40, 4));
        rows.add(new OfflineRows.Row("准考证-甲001", "诸葛亮", "13812345678", "U2-1", "U2", true));
        OfflineRows.insert(jdbc(), id, rows);
        return new Setup(admin, id, rows);
    }

    /** A prepared contest: admin client, contest id and the offline rows written. */
    record Setup(Api admin, long contestId, List<OfflineRows.Row> rows) {

        List<String> sortedPool() {
            return DrawAlgorithm.sortPool(OfflineRows.perfectTickets(rows));
        }

        Api.Response commit(Map<String, Object> overrides) {
            Map<String, Object> body = new HashMap<>(Map.of("name", "线下满分抽奖", "k", 5, "pool", "offline-perfect",
                    "seedSources", "北京时间 20:00 的上证指数收盘点位 + 现场掷骰 3 次"));
            body.putAll(overrides);
            body.values().removeIf(v -> v == NONE);
            return admin.postJson("/api/admin/contests/" + contestId + "/draws", body);
        }

        long commitOk(Map<String, Object> overrides) {
            Api.Response r = commit(overrides);
            assertThat(r.status()).as(r.body()).isEqualTo(201);
            return r.json().get("id").asLong();
        }

        Api.Response reveal(long drawId, Object seed) {
            Map<String, Object> body = new HashMap<>();
            body.put("seed", seed);
            return admin.postJson("/api/admin/draws/" + drawId + "/reveal", body);
        }
    }

    /** Marks a field to leave out of a commit body. */
    Object NONE = new Object();

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asString()));
        return out;
    }

    @Test
    default void commitPublishesTheDigestNAndKOfTheOfflinePerfectScorers() {
        Setup s = setUp();
        List<String> pool = s.sortedPool();
        Api.Response r = s.commit(Map.of());
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        JsonNode c = r.json();
        assertThat(c.get("poolDigest").asString()).isEqualTo(DrawAlgorithm.hex(DrawAlgorithm.poolDigest(pool)));
        assertThat(c.get("n").asInt()).isEqualTo(31).isEqualTo(pool.size());
        assertThat(c.get("k").asInt()).isEqualTo(5);
        assertThat(c.get("status").asString()).isEqualTo("COMMITTED");

        JsonNode record = api().get("/api/draws/" + c.get("id").asLong()).json();
        assertThat(record.get("algorithm").asString()).isEqualTo("baiti-draw-v1");
        assertThat(record.get("status").asString()).isEqualTo("COMMITTED");
        assertThat(record.get("poolDigest").asString()).isEqualTo(DrawAlgorithm.hex(DrawAlgorithm.poolDigest(pool)));
        assertThat(record.get("n").isNumber()).isTrue();
        assertThat(record.get("k").asInt()).isEqualTo(5);
        assertThat(record.get("seedSources").asString()).contains("上证指数");
        assertThat(record.get("committedAt").asString()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        for (String f : List.of("seed", "seedDigest", "winners", "revealedAt")) {
            assertThat(record.has(f)).as(f + " is present").isTrue();
            assertThat(record.get(f).isNull()).as(f + " is null before the reveal").isTrue();
        }
        List<String> listed = new ArrayList<>();
        record.get("pool").forEach(e -> listed.add(e.get("key").asString()));
        assertThat(listed).as("the pool in UTF-8 byte order, the non-ASCII ticket last").isEqualTo(pool);
        assertThat(listed.get(listed.size() - 1)).isEqualTo("准考证-甲001");
        JsonNode last = record.get("pool").get(listed.size() - 1);
        assertThat(last.get("name").asString()).isEqualTo("诸**");
        assertThat(last.get("unit").asString()).as("the unit's name, not its code").isEqualTo("东城区街道办");

        long id = c.get("id").asLong();
        Api.Response page = api().get("/draws/" + id);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("已承诺，待开奖").contains(c.get("poolDigest").asString())
                .contains("上证指数").contains("draw-verify.js").doesNotContain("<script>");
        Api.Response stage = api().get("/draws/" + id + "/stage");
        assertThat(stage.status()).isEqualTo(200);
        assertThat(stage.body()).contains("等待开奖").contains(c.get("poolDigest").asString().substring(56));
        Api.Response qr = api().get("/draws/" + id + "/qr.svg");
        assertThat(qr.contentType()).startsWith("image/svg+xml");
        assertThat(qr.body()).contains("/draws/" + id);
    }

    @Test
    default void revealDrawsTheWinnersTheAlgorithmSelectsAndSealsTheDraw() {
        Setup s = setUp();
        long id = s.commitOk(Map.of("tiers", List.of(Map.of("name", "一等奖", "count", 2),
                Map.of("name", "二等奖", "count", 3))));
        List<String> seed = List.of("3089.26", "骰子 3 5 6");

        Api.Response r = s.reveal(id, seed);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode record = r.json();

        List<String> pool = s.sortedPool();
        byte[] p = DrawAlgorithm.poolDigest(pool);
        byte[] d = DrawAlgorithm.seedDigest(p, 5, seed);
        List<String> expected = DrawAlgorithm.select(pool, 5, d);
        assertThat(record.get("status").asString()).isEqualTo("SEALED");
        assertThat(strings(record.get("seed"))).isEqualTo(seed);
        assertThat(record.get("seedDigest").asString()).isEqualTo(DrawAlgorithm.hex(d));
        assertThat(strings(record.get("winners"))).isEqualTo(expected);
        assertThat(record.get("revealedAt").asString()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        assertThat(record.get("tiers").get(0).get("name").asString()).isEqualTo("一等奖");
        assertThat(strings(record.get("tiers").get(0).get("winners"))).isEqualTo(expected.subList(0, 2));
        assertThat(strings(record.get("tiers").get(1).get("winners"))).isEqualTo(expected.subList(2, 5));
        assertThat(VerifyDraw.problems(r.body())).isEmpty();

        String before = api().get("/api/draws/" + id).body();
        Api.Response again = s.reveal(id, List.of("other", "seed"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("error").asString()).isEqualTo("already_sealed");
        Api.Response same = s.reveal(id, seed);
        assertThat(same.status()).as("not even with the same seed").isEqualTo(409);
        assertThat(api().get("/api/draws/" + id).body()).as("the sealed record is unchanged").isEqualTo(before);

        JsonNode summary = api().get("/api/draws/" + id + "/summary").json();
        JsonNode first = summary.get("winnerEntries").get(0);
        assertThat(first.get("key").asString()).isEqualTo(expected.get(0));
        assertThat(first.get("tier").asString()).isEqualTo("一等奖");
        assertThat(first.get("place").asInt()).isEqualTo(1);
        assertThat(summary.get("winnerEntries").get(4).get("tier").asString()).isEqualTo("二等奖");
        assertThat(summary.has("pool")).isFalse();

        String page = api().get("/draws/" + id).body();
        assertThat(page).contains("已开奖").contains(expected.get(0)).contains("3089.26").contains(DrawAlgorithm.hex(d));
    }

    @Test
    default void everyCommitStaysOnThePublicRecordAbandonedOnesIncluded() {
        Setup s = setUp();
        long first = s.commitOk(Map.of("name", "第一次承诺"));
        long second = s.commitOk(Map.of("name", "第二次承诺", "k", 3));
        assertThat(s.reveal(second, List.of("x", "y")).status()).isEqualTo(200);

        JsonNode list = api().get("/api/contests/" + s.contestId() + "/draws").json();
        assertThat(list).hasSize(2);
        assertThat(list.get(0).get("id").asLong()).isEqualTo(first);
        assertThat(list.get(0).get("status").asString()).isEqualTo("COMMITTED");
        assertThat(list.get(0).get("committedAt").asString()).isNotBlank();
        assertThat(list.get(1).get("id").asLong()).isEqualTo(second);
        assertThat(list.get(1).get("status").asString()).isEqualTo("SEALED");
        assertThat(list.get(1).get("revealedAt").asString()).isNotBlank();
        assertThat(list.get(0).get("poolDigest").asString()).isEqualTo(list.get(1).get("poolDigest").asString());
        assertThat(api().get("/api/contests/123/draws").status()).isEqualTo(404);
    }

    @Test
    default void aPoolChangeAfterTheCommitDoesNotChangeTheCommittedPool() {
        Setup s = setUp();
        long id = s.commitOk(Map.of());
        JsonNode before = api().get("/api/draws/" + id).json();

        OfflineRows.insert(jdbc(), s.contestId(), List.of(
                new OfflineRows.Row("A00000", "后来者", "13700000001", "U1", "U1", true)));
        jdbc().update("UPDATE offline_result SET perfect = 0 WHERE contest_id = ? AND ticket = 'A00001'", s.contestId());

        JsonNode after = api().get("/api/draws/" + id).json();
        assertThat(after.get("poolDigest").asString()).isEqualTo(before.get("poolDigest").asString());
        assertThat(after.get("n").asInt()).isEqualTo(31);
        assertThat(after.get("pool").toString()).isEqualTo(before.get("pool").toString()).doesNotContain("A00000");

        List<String> seed = List.of("s1", "s2");
        JsonNode sealed = s.reveal(id, seed).json();
        List<String> pool = s.sortedPool();
        assertThat(strings(sealed.get("winners"))).as("drawn from the pool as committed")
                .isEqualTo(DrawAlgorithm.select(pool, 5, DrawAlgorithm.seedDigest(DrawAlgorithm.poolDigest(pool), 5, seed)));

        Api.Response next = s.commit(Map.of());
        assertThat(next.json().get("n").asInt()).as("a new commitment sees the new pool").isEqualTo(31);
        assertThat(next.json().get("poolDigest").asString()).isNotEqualTo(before.get("poolDigest").asString());
    }

    @Test
    default void badCommitsAndRevealsAreRefusedWithReasonsAndChangeNothing() {
        Setup s = setUp();
        assertBad(s.commit(Map.of("k", 0)), "invalid_field", "k");
        assertBad(s.commit(Map.of("k", 32)), "invalid_field", "k");
        assertBad(s.commit(Map.of("k", NONE)), "invalid_field", "k");
        assertBad(s.commit(Map.of("name", " ")), "invalid_field", "name");
        assertBad(s.commit(Map.of("seedSources", "")), "invalid_field", "seedSources");
        assertBad(s.commit(Map.of("seedSources", "x".repeat(2001))), "invalid_field", "seedSources");
        assertBad(s.commit(Map.of("tiers", List.of(Map.of("name", "一等奖", "count", 2),
                Map.of("name", "二等奖", "count", 2)))), "invalid_field", "tiers");
        assertBad(s.commit(Map.of("tiers", List.of(Map.of("name", "一等奖", "count", 0),
                Map.of("name", "二等奖", "count", 5)))), "invalid_field", "tiers[0].count");
        assertBad(s.commit(Map.of("pool", "online-perfect")), "unknown_pool", "pool");
        assertThat(s.admin().postJson("/api/admin/contests/" + s.contestId() + "/draws", "{\"k\": \"many\"")
                .status()).isEqualTo(400);

        long empty = Fixtures.contest(s.admin(), 5);
        Api.Response none = s.admin().postJson("/api/admin/contests/" + empty + "/draws",
                Map.of("name", "x", "k", 1, "pool", "offline-perfect", "seedSources", "dice"));
        assertBad(none, "empty_pool", "pool");
        assertThat(none.json().get("message").asString()).isEqualTo("抽奖池为空");
        Api.Response noneEn = s.admin().accepting("en").postJson("/api/admin/contests/" + empty + "/draws",
                Map.of("name", "x", "k", 1, "pool", "offline-perfect", "seedSources", "dice"));
        assertThat(noneEn.status()).isEqualTo(400);
        assertThat(noneEn.json().get("error").asString()).isEqualTo("empty_pool");
        assertThat(noneEn.json().get("message").asString()).isEqualTo("The pool is empty");
        assertThat(noneEn.json().get("details").get(0).get("reason").asString())
                .isEqualTo("this contest has no offline perfect scores yet");
        assertThat(api().get("/api/contests/" + s.contestId() + "/draws").json()).as("nothing committed").isEmpty();
        assertThat(s.admin().postJson("/api/admin/contests/999/draws",
                Map.of("name", "x", "k", 1, "pool", "offline-perfect", "seedSources", "dice")).status()).isEqualTo(404);

        long id = s.commitOk(Map.of());
        assertBad(s.reveal(id, List.of()), "invalid_seed", null);
        assertBad(s.reveal(id, null), "invalid_seed", null);
        assertBad(s.reveal(id, List.of("ok", "")), "invalid_seed", "seed[1]");
        assertBad(s.reveal(id, List.of("line\nfeed")), "invalid_seed", "seed[0]");
        assertThat(s.admin().postJson("/api/admin/draws/" + id + "/reveal", "not json").status()).isEqualTo(400);
        assertThat(s.reveal(4242, List.of("x")).status()).isEqualTo(404);
        JsonNode record = api().get("/api/draws/" + id).json();
        assertThat(record.get("status").asString()).as("still open for the real seed").isEqualTo("COMMITTED");
        assertThat(s.reveal(id, List.of("x")).status()).isEqualTo(200);
    }

    private static void assertBad(Api.Response r, String error, String field) {
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        JsonNode json = r.json();
        assertThat(json.get("error").asString()).as(r.body()).isEqualTo(error);
        assertThat(json.get("message").asString()).as("Chinese only").containsPattern("[\\u4e00-\\u9fff]")
                .doesNotContain(" / ");
        if (field != null) {
            Set<String> fields = new HashSet<>();
            json.get("details").forEach(d -> fields.add(d.get("field").asString()));
            assertThat(fields).as(r.body()).contains(field);
            json.get("details").forEach(d -> assertThat(d.get("reason").asString()).isNotBlank());
        }
    }

    @Test
    default void anonymousCallersCanNeitherCommitNorReveal() {
        Setup s = setUp();
        Api.Response commit = api().postJson("/api/admin/contests/" + s.contestId() + "/draws",
                Map.of("name", "x", "k", 1, "pool", "offline-perfect", "seedSources", "dice"));
        assertThat(commit.status()).isEqualTo(401);
        long id = s.commitOk(Map.of());
        assertThat(api().postJson("/api/admin/draws/" + id + "/reveal", Map.of("seed", List.of("x"))).status())
                .isEqualTo(401);
        assertThat(api().get("/api/draws/" + id).json().get("status").asString()).isEqualTo("COMMITTED");
    }

    @Test
    default void thePublicRecordHasNoPhoneNumberAndOnlyMaskedNames() {
        Setup s = setUp();
        long id = s.commitOk(Map.of());
        s.reveal(id, List.of("a", "b"));
        String body = withoutIdsAndDigests(api().get("/api/draws/" + id).body());
        assertThat(ELEVEN_DIGITS.matcher(body).find()).as("no 11-digit number").isFalse();
        for (OfflineRows.Row row : s.rows()) {
            assertThat(body).doesNotContain(row.phone()).doesNotContain(row.phone().substring(3));
            if (row.perfect()) {
                assertThat(body).doesNotContain("\"" + row.name() + "\"");
            }
        }
        JsonNode record = api().get("/api/draws/" + id).json();
        Map<String, String> masked = new HashMap<>();
        s.rows().forEach(r -> masked.put(r.ticket(), Phones.maskName(r.name())));
        record.get("pool").forEach(e -> {
            assertThat(e.get("name").asString()).isEqualTo(masked.get(e.get("key").asString())).endsWith("*");
            assertThat(e.size()).as("key, name and unit only").isEqualTo(3);
        });
        String summary = withoutIdsAndDigests(api().get("/api/draws/" + id + "/summary").body());
        assertThat(ELEVEN_DIGITS.matcher(summary).find()).isFalse();
    }

    /** An 11-digit number (a mainland mobile number has 11 digits). */
    Pattern ELEVEN_DIGITS = Pattern.compile("(?<![0-9])[0-9]{11}(?![0-9])");

    /** The JSON without ids (16 random digits) and hex digests, which may hold digit runs by chance. */
    private static String withoutIdsAndDigests(String json) {
        tools.jackson.databind.node.ObjectNode o = (tools.jackson.databind.node.ObjectNode) Api.JSON.readTree(json);
        o.remove(List.of("id", "contestId", "poolDigest", "seedDigest", "recordUrl", "stageUrl"));
        return o.toString();
    }

    @Test
    default void aParticipantFindsTheirTicketInThePool() {
        Setup s = setUp();
        long id = s.commitOk(Map.of("k", 2));
        JsonNode hit = api().get("/api/draws/" + id + "/pool?q=A00002").json();
        assertThat(hit.get("inPool").asBoolean()).isTrue();
        assertThat(hit.get("name").asString()).endsWith("*");
        assertThat(hit.has("place")).isFalse();
        assertThat(api().get("/api/draws/" + id + "/pool?q=A00004").json().get("inPool").asBoolean())
                .as("not a perfect score").isFalse();
        assertThat(api().get("/api/draws/" + id + "/pool?q=nobody").json().get("inPool").asBoolean()).isFalse();
        assertThat(api().get("/api/draws/" + id + "/pool?q=" + java.net.URLEncoder.encode("准考证-甲001",
                java.nio.charset.StandardCharsets.UTF_8)).json().get("inPool").asBoolean()).isTrue();

        JsonNode sealed = s.reveal(id, List.of("x", "y")).json();
        String winner = sealed.get("winners").get(1).asString();
        JsonNode won = api().get("/api/draws/" + id + "/pool?q=" + java.net.URLEncoder.encode(winner,
                java.nio.charset.StandardCharsets.UTF_8)).json();
        assertThat(won.get("place").asInt()).isEqualTo(2);
        assertThat(api().get("/api/draws/" + id + "/pool").status()).isEqualTo(400);
        assertThat(api().get("/api/draws/77/pool?q=A00002").status()).isEqualTo(404);
    }

    @Test
    default void backslashesTabsAndQuotesSurviveTheSnapshotUnchanged() {
        Api admin = api().admin();
        long id = Fixtures.contest(admin, 5);
        OfflineRows.insert(jdbc(), id, List.of(
                new OfflineRows.Row("T\\1\"", "王小明", "13800000001", "X\\Y\tZ \"单位\"", "X", true),
                new OfflineRows.Row("T2", "李四", "13800000002", "U9", "U9", true)));
        Api.Response r = admin.postJson("/api/admin/contests/" + id + "/draws",
                Map.of("name", "x", "k", 2, "pool", "offline-perfect", "seedSources", "dice"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.json().get("poolDigest").asString())
                .isEqualTo(DrawAlgorithm.hex(DrawAlgorithm.poolDigest(DrawAlgorithm.sortPool(List.of("T\\1\"", "T2")))));
        JsonNode record = api().get("/api/draws/" + r.json().get("id").asLong()).json();
        assertThat(record.get("pool").get(0).get("key").asString()).isEqualTo("T2");
        assertThat(record.get("pool").get(1).get("key").asString()).isEqualTo("T\\1\"");
        assertThat(record.get("pool").get(1).get("unit").asString()).as("an unknown unit shows its code")
                .isEqualTo("X\\Y\tZ \"单位\"");
    }

    @Test
    default void unknownDrawsAreNotFoundOnTheApiAndThePages() {
        assertThat(api().get("/api/draws/31337").status()).isEqualTo(404);
        assertThat(api().get("/api/draws/31337").json().get("error").asString()).isEqualTo("not_found");
        assertThat(api().get("/api/draws/abc").status()).isEqualTo(400);
        assertThat(api().get("/draws/31337").status()).isEqualTo(404);
        assertThat(api().get("/draws/31337/stage").status()).isEqualTo(404);
        assertThat(api().get("/draws/31337/qr.svg").status()).isEqualTo(404);
    }
}
