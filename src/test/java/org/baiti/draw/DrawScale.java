package org.baiti.draw;

import java.util.List;
import java.util.Map;

import org.baiti.testing.Api;
import org.baiti.testing.Fixtures;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Measures a draw of 140 from 1,000,000 entries (commit to sealed) and prints the times for BENCHMARKS.md. Not part of
 * the suite (no name Surefire picks up): run {@code ./mvnw test -Dtest='DrawScale*Measurement' -Dbaiti.measure=true}. No timing assertion.
 */
final class DrawScale {

    private DrawScale() {
    }

    static void measure(String database, Api api, JdbcTemplate jdbc, Drawing drawing, int entries) {
        Api admin = api.admin();
        long contest = Fixtures.contest(admin, Map.of("drawQuota", 140));
        admin.upload("/api/admin/contests/" + contest + "/units", "units.csv", Fixtures.csv(Fixtures.units()));
        long t0 = System.nanoTime();
        OfflineRows.insert(jdbc, contest, OfflineRows.rows("2026", entries, 0));
        long t1 = System.nanoTime();

        Api.Response commit = admin.postJson("/api/admin/contests/" + contest + "/draws", Map.of("name", "scale",
                "k", 140, "pool", "offline-perfect", "seedSources", "dice"));
        long t2 = System.nanoTime();
        assertThat(commit.status()).as(commit.body()).isEqualTo(201);
        long id = commit.json().get("id").asLong();
        DrawRecord sealed = drawing.reveal(id, List.of("3089.26", "4 2 6"), "admin");
        long t3 = System.nanoTime();
        Api.Response record = api.get("/api/draws/" + id);
        long t4 = System.nanoTime();
        assertThat(sealed.n()).isEqualTo(entries);
        assertThat(DrawVerifier.verifyJson(record.body()).verified()).isTrue();
        long t5 = System.nanoTime();

        System.out.printf("%n[draw scale, %s] n = %,d, k = 140%n  seed offline rows: %,d ms%n"
                        + "  commit over HTTP (read pool, sort, digest, snapshot): %,d ms%n"
                        + "  reveal (read pool, check P, D, select, seal): %,d ms%n"
                        + "  commit + reveal: %,d ms%n  GET published record (%,d bytes): %,d ms%n"
                        + "  DrawVerifier on the record: %,d ms%n",
                database, entries, ms(t1 - t0), ms(t2 - t1), ms(t3 - t2), ms(t3 - t1), record.body().length(),
                ms(t4 - t3), ms(t5 - t4));
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }
}
