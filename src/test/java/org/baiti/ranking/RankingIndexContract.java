package org.baiti.ranking;

import java.time.Instant;
import java.util.List;
import java.util.Map;

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

    JdbcClient jdbc();

    TransactionTemplate tx();

    Ranking ranking();

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

        assertThat(page).as(page).contains("ranking_order");
        assertThat(before).as(before).contains("ranking_order");
        if (database().equals("sqlite")) {
            assertThat(page).as(page).doesNotContain("TEMP B-TREE");
        } else {
            assertThat(page).as(page).doesNotContain("Sort");
            assertThat(before).as(before).contains("Index Only Scan");
        }
        List<RankingRow> rows = ranking().page(contest, 0, 1000);
        assertThat(rows).hasSize(300);
        assertThat(rows.get(0).accuracy()).isEqualTo(1.0);
    }
}
