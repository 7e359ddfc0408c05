package org.baiti.draw;

import java.util.List;
import java.util.Map;

import org.baiti.testing.Api;
import org.baiti.testing.Fixtures;
import org.springframework.jdbc.core.JdbcTemplate;
import org.baiti.verify.VerifyDraw;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Measures a draw of 140 from 1,000,000 entries (commit, then the reveal answering the published record) and prints
 * the times for BENCHMARKS.md. Not part of
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
        // The reveal over HTTP answers the whole published record: that response is part of the reveal.
        Api.Response reveal = admin.postJson("/api/admin/draws/" + id + "/reveal",
                Map.of("seed", List.of("3089.26", "4 2 6")));
        long t3 = System.nanoTime();
        assertThat(reveal.status()).as(reveal.status() == 200 ? "" : reveal.body()).isEqualTo(200);
        DrawRecord sealed = drawing.get(id);
        Api.Response record = api.get("/api/draws/" + id);
        long t4 = System.nanoTime();
        Api.Response hit = api.get("/api/draws/" + id + "/pool?q=" + sealed.winners().get(0));
        long t5 = System.nanoTime();
        Api.Response miss = api.get("/api/draws/" + id + "/pool?q=none");
        long t6 = System.nanoTime();
        assertThat(sealed.n()).isEqualTo(entries);
        assertThat(record.body()).isEqualTo(reveal.body());
        assertThat(hit.json().get("inPool").asBoolean()).isTrue();
        assertThat(miss.json().get("inPool").asBoolean()).isFalse();
        assertThat(VerifyDraw.problems(record.body())).isEmpty();
        long t7 = System.nanoTime();

        System.out.printf("%n[draw scale, %s] n = %,d, k = 140%n  seed offline rows: %,d ms%n"
                        + "  commit over HTTP: %,d ms%n"
                        + "  reveal over HTTP, answering the published record (%,d bytes): %,d ms%n"
                        + "  commit + reveal: %,d ms%n  GET published record again: %,d ms%n"
                        + "  find my ticket: hit %,d ms, miss %,d ms%n"
                        + "  VerifyDraw on the record: %,d ms%n",
                database, entries, ms(t1 - t0), ms(t2 - t1), reveal.body().length(), ms(t3 - t2), ms(t3 - t1),
                ms(t4 - t3), ms(t5 - t4), ms(t6 - t5), ms(t7 - t6));
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }
}
