package org.baiti.ranking;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.baiti.testing.App;
import org.baiti.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Not part of the build (no Test suffix, and off unless {@code baiti.bench=true}): the ranking queries over a
 * million counted attempts. Run with {@code ./mvnw test -Dtest='RankingBenchmark*' -Dbaiti.bench=true}; it
 * prints medians and appends them to
 * {@code target/benchmarks/ranking.txt}. The figures are recorded in docs/online.md.
 */
interface RankingBenchmarkContract extends App {

    int ENTRIES = Integer.getInteger("baiti.bench.entries", 1_000_000);

    default JdbcTemplate template() {
        return bean(JdbcTemplate.class);
    }

    default TransactionTemplate tx() {
        return bean(TransactionTemplate.class);
    }

    default Ranking ranking() {
        return bean(Ranking.class);
    }

    @Test
    default void rankingQueriesOverAMillionEntries() {
        long contest = Fixtures.contest(api().admin(), Map.of("onlineQuota", 100));
        Random random = new Random(42);
        List<Object[]> batch = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int i = 0; i < ENTRIES; i++) {
            // about 9% perfect, as in the reference contest; the rest spread over 100 accuracy steps
            double accuracy = random.nextDouble() < 0.09 ? 1.0 : random.nextInt(100) / 100.0;
            batch.add(new Object[] {contest, String.format("13%09d", i), "a" + i, "人" + i, "U1", "U1", accuracy,
                    60_000L + random.nextInt(1_740_000), 1_780_000_000_000L + i * 37L});
            if (batch.size() == 10_000) {
                insert(batch);
            }
        }
        insert(batch);
        // the counts the ranking keeps beside its entries (V50), as the writer would have kept them
        for (String[] level : new String[][] {
                {"ranking_count_by_accuracy", "", ""},
                {"ranking_count_by_second", ", duration_s", ", duration_ms / 1000"}}) {
            template().update("INSERT INTO " + level[0] + " (contest_id, accuracy" + level[1] + ", entries) "
                    + "SELECT contest_id, accuracy" + level[2] + ", COUNT(*) FROM ranking_entry WHERE contest_id = ? "
                    + "GROUP BY contest_id, accuracy" + level[2], contest);
        }
        if (database().equals("postgresql")) {
            template().execute("ANALYZE ranking_entry");
        }
        long loadMs = (System.nanoTime() - t0) / 1_000_000;
        assertThat(ranking().count(contest)).isEqualTo(ENTRIES);

        StringBuilder out = new StringBuilder();
        out.append(String.format("%s, %,d entries (loaded in %,d ms)%n", database(), ENTRIES, loadMs));
        out.append(line("first page of 100", () -> ranking().page(contest, 0, 100)));
        out.append(line("page of 100 at rank 10,001", () -> ranking().page(contest, 10_000, 100)));
        for (int rank : new int[] {1, 1_000, ENTRIES / 2, ENTRIES}) {
            List<RankingRow> at = ranking().page(contest, rank - 1, 1);
            String phone = template().queryForObject("""
                    SELECT phone FROM ranking_entry WHERE contest_id = ?
                    ORDER BY accuracy DESC, duration_ms, submitted_at, phone LIMIT 1 OFFSET ?""",
                    String.class, contest, rank - 1);
            assertThat(ranking().standingOf(contest, phone).map(Standing::rank)).contains((long) rank);
            assertThat(at).hasSize(1);
            out.append(line("my rank at " + String.format("%,d", rank), () -> ranking().standingOf(contest, phone).map(Standing::rank)));
        }
        System.out.print(out);
        try {
            Path file = Path.of("target", "benchmarks", "ranking.txt");
            Files.createDirectories(file.getParent());
            Files.writeString(file, out + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void insert(List<Object[]> batch) {
        tx().executeWithoutResult(status -> template().batchUpdate("""
                INSERT INTO ranking_entry (contest_id, phone, attempt_id, name, unit_code, top_code, accuracy,
                    duration_ms, submitted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""", batch));
        batch.clear();
    }

    private static String line(String what, Runnable query) {
        for (int i = 0; i < 3; i++) {
            query.run(); // warm up
        }
        long[] ms = new long[15];
        for (int i = 0; i < ms.length; i++) {
            long t = System.nanoTime();
            query.run();
            ms[i] = System.nanoTime() - t;
        }
        Arrays.sort(ms);
        return String.format("  %-28s median %8.2f ms   max %8.2f ms%n", what, ms[ms.length / 2] / 1e6, ms[ms.length - 1] / 1e6);
    }
}
