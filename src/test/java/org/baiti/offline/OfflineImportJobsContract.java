package org.baiti.offline;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;

import org.baiti.sheet.Uploads;
import org.baiti.testing.Api;
import org.baiti.testing.Fixtures;
import org.baiti.testing.App;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.baiti.offline.OfflineFiles.PERFECT;
import static org.baiti.offline.OfflineFiles.row;
import static org.baiti.offline.OfflineFiles.rows;

/**
 * Background imports (what the admin page starts) and their progress at {@code GET /api/admin/imports/{jobId}}; the
 * job's state is in the database, so any node answers the poll. Run on SQLite and PostgreSQL.
 */
interface OfflineImportJobsContract extends App {

    default OfflineImportJobs jobs() {
        return bean(OfflineImportJobs.class);
    }

    default JdbcImportJobs stored() {
        return bean(JdbcImportJobs.class);
    }

    default JsonNode waitUntilDone(String jobId) throws InterruptedException {
        Instant limit = Instant.now().plus(Duration.ofSeconds(60));
        while (true) {
            Api.Response r = api().admin().get("/api/admin/imports/" + jobId);
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            if (r.json().get("done").asBoolean() || Instant.now().isAfter(limit)) {
                return r.json();
            }
            Thread.sleep(100);
        }
    }

    @Test
    default void aJobReportsItsResultWhenDone() throws Exception {
        long id = OfflineFiles.contest(api().admin());
        byte[] file = Fixtures.csv(rows(
                row("J1", "张三", "13800000001", "U1", "", PERFECT, ""),
                row("J2", "李四", "13800000002", "U2", "5", "", "")));

        OfflineImportJobs.Status started = jobs().start(id, "jobs.csv", Uploads.spool(new ByteArrayInputStream(file)), "admin",
                org.baiti.unit.UnitScope.all());
        assertThat(started.jobId()).hasSize(32);
        JsonNode done = waitUntilDone(started.jobId());

        assertThat(done.get("phase").asString()).isEqualTo("done");
        assertThat(done.get("rowsTotal").asLong()).isEqualTo(2);
        assertThat(done.get("result").get("added").asInt()).isEqualTo(2);
        assertThat(done.get("fileName").asString()).isEqualTo("jobs.csv");
        assertThat(done.has("error")).isFalse();
    }

    @Test
    default void aJobWithBadRowsReportsEveryOneAndImportsNothing() throws Exception {
        long id = OfflineFiles.contest(api().admin());
        byte[] file = Fixtures.csv(rows(
                row("J1", "张三", "1380000000", "U1", "3", "", ""),
                row("J2", "李四", "13800000002", "U7", "3", "", "")));

        String jobId = jobs().start(id, "bad.csv", Uploads.spool(new ByteArrayInputStream(file)), "admin",
                org.baiti.unit.UnitScope.all()).jobId();
        JsonNode done = waitUntilDone(jobId);

        assertThat(done.get("phase").asString()).isEqualTo("failed");
        assertThat(done.get("error").get("error").asString()).isEqualTo("invalid_file");
        assertThat(done.get("error").get("details")).hasSize(2);
        assertThat(done.get("error").get("details").get(1).get("row").asInt()).isEqualTo(3);
        assertThat(api().admin().get("/api/admin/contests/" + id + "/offline-results/summary").json()
                .get("participants").asLong()).isZero();
        // As another node reads it: the row errors come back as row errors (the page shows row, column and reason).
        OfflineImportJobs.Status s = stored().find(jobId).orElseThrow().status();
        assertThat(s.error().details()).hasSize(2).allMatch(d -> d instanceof org.baiti.sheet.RowError);
        assertThat(((org.baiti.sheet.RowError) s.error().details().get(1)).row()).isEqualTo(3);
    }

    @Test
    default void unknownJobsAreNotFoundAndAnonymousCallersAreRefused() {
        Api.Response unknown = api().admin().get("/api/admin/imports/0123456789abcdef0123456789abcdef");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("error").asString()).isEqualTo("not_found");
        assertThat(api().get("/api/admin/imports/0123456789abcdef0123456789abcdef").status()).isEqualTo(401);
    }

    @Test
    default void theOutcomeIsStoredInTheDatabaseForAnyNodeToRead() throws Exception {
        long id = OfflineFiles.contest(api().admin());
        byte[] file = Fixtures.csv(rows(row("D1", "王五", "13800000003", "U1", "4", "", "")));
        String jobId = jobs().start(id, "db.csv", Uploads.spool(new ByteArrayInputStream(file)), "admin",
                org.baiti.unit.UnitScope.all()).jobId();
        JsonNode done = waitUntilDone(jobId);
        assertThat(done.get("phase").asString()).isEqualTo("done");

        // What another node, which never saw the job, reads.
        JdbcImportJobs.Stored s = stored().find(jobId).orElseThrow();
        assertThat(s.status().done()).isTrue();
        assertThat(s.status().phase()).isEqualTo("done");
        assertThat(s.status().result()).isEqualTo(new org.baiti.contest.ImportResult(1, 1, 0));
        assertThat(s.status().rowsTotal()).isEqualTo(1);
        assertThat(s.status().contestId()).isEqualTo(id);
        assertThat(s.status().startedAt().toString()).isEqualTo(done.get("startedAt").asString());
    }

    @Test
    default void aJobWhoseNodeStoppedIsReportedAsFailedAndOldJobsAreForgotten() {
        Instant now = Instant.now();
        Instant startedAt = now.minus(Duration.ofMinutes(10)).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        String lost = "0123456789abcdef0123456789abcde1";
        OfflineImportJobs.Status running = new OfflineImportJobs.Status(lost, 7, "lost.csv", "admin", startedAt,
                "insert", 2000, 5000, false, null, null);
        stored().insert(running, startedAt);
        stored().progress(lost, "insert", 3000, 5000, now.minus(OfflineImportJobs.STALE).minusSeconds(5));

        Api.Response r = api().admin().get("/api/admin/imports/" + lost);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("done").asBoolean()).isTrue();
        assertThat(r.json().get("phase").asString()).isEqualTo("failed");
        assertThat(r.json().get("rowsRead").asLong()).isEqualTo(3000);
        assertThat(r.json().get("error").get("error").asString()).isEqualTo("interrupted");
        assertThat(r.json().get("error").get("message").asString()).contains("未导入任何数据").doesNotContain("imported");
        Api.Response en = api().admin().accepting("en").get("/api/admin/imports/" + lost);
        assertThat(en.json().get("error").get("error").asString()).isEqualTo("interrupted");
        assertThat(en.json().get("error").get("message").asString()).contains("nothing was imported")
                .doesNotContain("未导入");

        String fresh = "0123456789abcdef0123456789abcde2";
        stored().insert(new OfflineImportJobs.Status(fresh, 7, "fresh.csv", "admin", startedAt, "validate", 10, 0,
                false, null, null), now);
        assertThat(api().admin().get("/api/admin/imports/" + fresh).json().get("done").asBoolean()).isFalse();

        assertThat(stored().forgetBefore(now.minus(OfflineImportJobs.STALE))).isGreaterThanOrEqualTo(1);
        assertThat(stored().find(lost)).isEmpty();
        assertThat(stored().find(fresh)).isPresent();
    }
}
