package org.baiti.ranking;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.baiti.testing.App;
import org.baiti.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ranking queries read the index {@code ranking_order} in its own order, with no sort, so the first page and
 * "my rank" stay fast however many attempts there are (SPEC §4; numbers in docs/online.md).
 */
interface RankingIndexContract extends App {

    default JdbcClient jdbc() {
        return bean(JdbcClient.class);
    }

    default TransactionTemplate tx() {
        return bean(TransactionTemplate.class);
    }

    default Ranking ranking() {
        return bean(Ranking.class);
    }

    private String plan(String sql, Map<String, Object> params) {
        if (database().equals("sqlite")) {
            StringBuilder sb = new StringBuilder();
            jdbc().sql("EXPLAIN QUERY PLAN " + sql).params(params)
                    .query(rs -> {
                        sb.append(rs.getString("detail")).append('\n');
                    });
            return sb.toString();
        }
        // PostgreSQL picks a sequential scan and a sort on a small table; forbidding both shows whether the index
        // alone can answer in order (if it could not, the plan would still sort).
        return tx().execute(status -> {
            jdbc().sql("SET LOCAL enable_seqscan = off").update();
            jdbc().sql("SET LOCAL enable_sort = off").update();
            jdbc().sql("SET LOCAL enable_bitmapscan = off").update();
            return String.join("\n", jdbc().sql("EXPLAIN " + sql).params(params).query(String.class).list());
        });
    }

    @Test
    default void theRankingPageAndMyRankReadTheRankingIndexWithoutSorting() {
        long contest = Fixtures.contest(api().admin(), Map.of());
        for (int i = 0; i < 300; i++) {
            ranking().enter(new RankingEntry(contest, String.format("138%08d", i), "attempt" + i, "人" + i, "U1", "U1",
                    (i % 5) / 4.0, 60_000 + i % 7, Instant.ofEpochMilli(1_700_000_000_000L + i)), false);
        }
        String page = plan(JdbcRankingEntries.PAGE, Map.of("c", contest, "limit", 100, "offset", 0));
        String before = plan(JdbcRankingEntries.COUNT_BEFORE, Map.of("c", contest, "a", 0.5, "d", 60_003L,
                "s", 1_700_000_000_100L, "p", "13800000100"));
        String rank = plan(JdbcRankingEntries.RANK_COUNT, Map.of("c", contest, "a", 0.5, "d", 60_003L,
                "s", 1_700_000_000_100L, "p", "13800000100"));
        String standing = plan(JdbcRankingEntries.STANDING.replace("?", "%s").formatted(contest, "'13800000100'"),
                Map.of());

        assertThat(page).as(page).contains("ranking_order");
        assertThat(before).as(before).contains("ranking_order");
        // my rank: the two count tables by their primary keys, the entries of one accuracy and second by the index
        assertThat(rank).as(rank).contains("ranking_order").contains("ranking_count_by_accuracy")
                .contains("ranking_count_by_second");
        // my rank in one statement: the entry by its primary key, then the same lookups correlated with it
        assertThat(standing).as(standing).contains("ranking_order").contains("ranking_count_by_accuracy")
                .contains("ranking_count_by_second");
        if (database().equals("sqlite")) {
            assertThat(page).as(page).doesNotContain("TEMP B-TREE");
            assertThat(rank).as(rank).doesNotContainPattern("(?m)SCAN ranking_\\w+\\s*$");
            assertThat(standing).as(standing).doesNotContainPattern("(?m)SCAN \\w+\\s*$");
        } else {
            assertThat(page).as(page).doesNotContain("Sort");
            assertThat(before).as(before).contains("Index Only Scan");
            assertThat(rank).as(rank).doesNotContain("Seq Scan");
            assertThat(standing).as(standing).doesNotContain("Seq Scan");
        }
        List<RankingRow> rows = ranking().page(contest, 0, 1000);
        assertThat(rows).hasSize(300);
        assertThat(rows.get(0).accuracy()).isEqualTo(1.0);
    }

    /**
     * A page shows units by name (asked of {@code unit.Units} for the page's codes) and a code that is no unit of the
     * contest by the code itself, in the API and in the rows alike.
     */
    @Test
    default void theRankingPageShowsUnitsByNameAndACodeWithoutAUnitAsTheCode() {
        long contest = Fixtures.contest(api().admin(), Map.of());
        assertThat(api().admin().upload("/api/admin/contests/" + contest + "/units", "units.csv",
                Fixtures.csv(Fixtures.units())).status()).isEqualTo(200);
        Instant t = Instant.ofEpochMilli(1_700_000_000_000L);
        ranking().enter(new RankingEntry(contest, "13900000001", "u1", "甲", "U1-1", "U1", 1.0, 1_000, t), false);
        ranking().enter(new RankingEntry(contest, "13900000002", "u2", "乙", "GONE", "GONE", 0.5, 1_000, t), false);
        ranking().enter(new RankingEntry(contest, "13900000003", "u3", "丙", "U2", "U2", 0.5, 2_000, t), false);
        ranking().enter(new RankingEntry(contest, "13900000004", "u4", "丁", "U1-1", "U1", 0.0, 1_000, t), false);

        assertThat(ranking().page(contest, 0, 100)).containsExactly(new RankingRow(1, "甲", "第一中学", 1.0, 1_000),
                new RankingRow(2, "乙", "GONE", 0.5, 1_000), new RankingRow(3, "丙", "东城区", 0.5, 2_000),
                new RankingRow(4, "丁", "第一中学", 0.0, 1_000));
        assertThat(ranking().page(contest, 1, 2)).extracting(RankingRow::unit).containsExactly("GONE", "东城区");
        List<String> units = new ArrayList<>();
        api().get("/api/contests/" + contest + "/ranking").json().forEach(r -> units.add(r.get("unit").asString()));
        assertThat(units).containsExactly("第一中学", "GONE", "东城区", "第一中学");
    }

    /**
     * The public pages are kept in memory for baiti.ranking-cache-millis: an entry entered through this node is seen
     * at once, a rolled-back one never, one entered behind the node's back (another node) once the time has passed;
     * the count of entries comes from the counts per accuracy.
     */
    @Test
    default void theRankingPagesInMemoryFollowEntriesRollbacksAndOtherNodes() {
        long contest = Fixtures.contest(api().admin(), Map.of());
        Instant t = Instant.ofEpochMilli(1_700_000_000_000L);
        ranking().enter(new RankingEntry(contest, "13900000001", "m1", "第一", "U1", "U1", 0.5, 9_000, t), false);
        assertThat(ranking().page(contest, 0, 100)).extracting(RankingRow::name).containsExactly("第一");
        boolean fromMemory = false;
        for (int i = 0; i < 5 && !fromMemory; i++) { // twice within the time the copy is kept (a slow machine: retry)
            fromMemory = ranking().page(contest, 0, 100) == ranking().page(contest, 0, 100);
        }
        assertThat(fromMemory).as("read again from memory").isTrue();

        ranking().enter(new RankingEntry(contest, "13900000002", "m2", "第二", "U1", "U1", 1.0, 9_000, t), false);
        assertThat(ranking().page(contest, 0, 100)).extracting(RankingRow::name).containsExactly("第二", "第一");

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> tx().executeWithoutResult(s -> {
            ranking().enterAll(List.of(new RankingEntry(contest, "13900000003", "m3", "回滚", "U1", "U1", 1.0, 1, t)),
                    List.of(false));
            throw new IllegalStateException("roll back");
        })).hasMessage("roll back");
        assertThat(ranking().page(contest, 0, 100)).extracting(RankingRow::name).containsExactly("第二", "第一");
        assertThat(ranking().count(contest)).isEqualTo(2);

        // behind the node's back: seen once the copy is older than the time it is kept
        jdbc().sql("""
                INSERT INTO ranking_entry (contest_id, phone, attempt_id, name, unit_code, top_code, accuracy,
                    duration_ms, submitted_at) VALUES (?, '13900000004', 'm4', '别的节点', 'U1', 'U1', 1.0, 1, 0)""")
                .param(contest).update();
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(5);
        while (ranking().page(contest, 0, 100).size() < 3 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(ranking().page(contest, 0, 100)).extracting(RankingRow::name).containsExactly("别的节点", "第二", "第一");
    }

    /** The API reads the page first and looks the contest up only when the page is empty: still 404 for none. */
    @Test
    default void theRankingApiAnswersAnUnknownContest404AndAContestWithoutEntriesAnEmptyList() {
        long contest = Fixtures.contest(api().admin(), Map.of());
        assertThat(api().get("/api/contests/" + contest + "/ranking").status()).isEqualTo(200);
        assertThat(api().get("/api/contests/" + contest + "/ranking").json()).isEmpty();
        assertThat(api().get("/api/contests/1/ranking").status()).isEqualTo(404);
        ranking().enter(new RankingEntry(contest, "13800000001", "only", "人", "U1", "U1", 1.0, 1_000,
                Instant.ofEpochMilli(1_700_000_000_000L)), false);
        assertThat(api().get("/api/contests/" + contest + "/ranking").json()).hasSize(1);
        assertThat(api().get("/api/contests/" + contest + "/ranking?offset=1").json()).isEmpty();
    }

    /**
     * "My rank" is computed from the counts kept beside the ranking (V50); whatever the ties, best-attempt
     * replacements and batches, it must equal the plain count of entries before (SPEC §4) and the position in the
     * order {@link RankingOrder} gives.
     */
    @Test
    default void myRankFromTheCountsEqualsThePlainCountAndTheRuleOrderWhateverTheTiesAndReplacements() {
        long contest = Fixtures.contest(api().admin(), Map.of());
        Random random = new Random(8);
        double[] accuracies = {0.0, 0.25, 0.5, 0.75, 0.9, 1.0};
        List<RankingEntry> batch = new ArrayList<>();
        List<Boolean> keepBest = new ArrayList<>();
        for (int i = 0; i < 900; i++) {
            // few people, several attempts each: first entries, kept-best replacements and attempts that lose
            String phone = String.format("139%08d", random.nextInt(400));
            RankingEntry e = new RankingEntry(contest, phone, "a" + i, "人" + i, "U1", "U1",
                    accuracies[random.nextInt(accuracies.length)],
                    // times in a few seconds around 2 minutes, many within the same second or millisecond; a
                    // quarter spread over 10 minutes
                    random.nextInt(4) == 0 ? random.nextInt(600_000)
                            : 119_000 + random.nextInt(4_000) / (1 + random.nextInt(40)),
                    Instant.ofEpochMilli(1_700_000_000_000L + random.nextInt(50)));
            if (random.nextInt(3) == 0) {
                ranking().enter(e, true);
            } else {
                batch.add(e);
                keepBest.add(true);
                if (batch.size() == 25) {
                    List<RankingEntry> b = List.copyOf(batch);
                    List<Boolean> k = List.copyOf(keepBest);
                    tx().executeWithoutResult(s -> ranking().enterAll(b, k));
                    batch.clear();
                    keepBest.clear();
                }
            }
        }
        tx().executeWithoutResult(s -> ranking().enterAll(batch, keepBest));

        List<RankingEntry> all = new ArrayList<>();
        jdbc().sql("SELECT phone FROM ranking_entry WHERE contest_id = ?").param(contest).query(String.class).list()
                .forEach(p -> all.add(ranking().standingOf(contest, p).orElseThrow().entry()));
        assertThat(all).hasSizeBetween(300, 400);
        List<RankingEntry> sorted = new ArrayList<>(all);
        sorted.sort((a, b) -> RankingOrder.INSTANCE.compare(a.key(), b.key()));
        Map<String, Integer> position = new HashMap<>();
        for (int i = 0; i < sorted.size(); i++) {
            position.put(sorted.get(i).phone(), i + 1);
        }
        for (RankingEntry e : all) {
            long plain = jdbc().sql(JdbcRankingEntries.COUNT_BEFORE).param("c", contest).param("a", e.accuracy())
                    .param("d", e.durationMs()).param("s", e.submittedAt().toEpochMilli()).param("p", e.phone())
                    .query(Long.class).single();
            long rank = ranking().standingOf(contest, e.phone()).orElseThrow().rank();
            assertThat(rank).as(e.toString()).isEqualTo(plain + 1).isEqualTo(position.get(e.phone()).longValue());
            // the rank the submit answers (RANK_COUNT with the entry's values) and the one of "my rank" (STANDING)
            assertThat(ranking().rankOf(e)).as(e.toString()).isEqualTo(rank);
            assertThat(ranking().standingOf(contest, e.phone()).orElseThrow()).isEqualTo(new Standing(e, rank));
        }
        // and the counts are exactly the entries grouped
        Map<Double, Long> byAccuracy = new HashMap<>();
        all.forEach(e -> byAccuracy.merge(e.accuracy(), 1L, Long::sum));
        Map<Double, Long> counted = new HashMap<>();
        jdbc().sql("SELECT accuracy, entries FROM ranking_count_by_accuracy WHERE contest_id = ? AND entries <> 0")
                .param(contest).query(rs -> {
                    counted.put(rs.getDouble(1), rs.getLong(2));
                });
        assertThat(counted).isEqualTo(byAccuracy);
        // per accuracy and whole second (V50)
        Map<String, Long> grouped = new HashMap<>();
        all.forEach(e -> grouped.merge(e.accuracy() + "/" + e.durationMs() / 1_000, 1L, Long::sum));
        Map<String, Long> stored = new HashMap<>();
        jdbc().sql("SELECT accuracy, duration_s, entries FROM ranking_count_by_second WHERE contest_id = ? AND entries <> 0")
                .param(contest).query(rs -> {
                    stored.put(rs.getDouble(1) + "/" + rs.getLong(2), rs.getLong(3));
                });
        assertThat(stored).isEqualTo(grouped);
    }
}
