package org.baiti.offline;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;

import org.baiti.sheet.Uploads;
import org.baiti.testing.Api;
import org.baiti.testing.Fixtures;
import org.baiti.testing.SqliteApp;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.baiti.offline.OfflineFiles.PERFECT;
import static org.baiti.offline.OfflineFiles.row;
import static org.baiti.offline.OfflineFiles.rows;

/** Background imports (what the admin page starts) and their progress at {@code GET /api/admin/imports/{jobId}}. */
class OfflineImportJobsTest extends SqliteApp {

    @Autowired
    OfflineImportJobs jobs;

    JsonNode waitUntilDone(String jobId) throws InterruptedException {
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
    void aJobReportsItsResultWhenDone() throws Exception {
        long id = OfflineFiles.contest(api().admin());
        byte[] file = Fixtures.csv(rows(
                row("J1", "张三", "13800000001", "U1", "", PERFECT, ""),
                row("J2", "李四", "13800000002", "U2", "5", "", "")));

        OfflineImportJobs.Status started = jobs.start(id, "jobs.csv", Uploads.spool(new ByteArrayInputStream(file)), "admin",
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
    void aJobWithBadRowsReportsEveryOneAndImportsNothing() throws Exception {
        long id = OfflineFiles.contest(api().admin());
        byte[] file = Fixtures.csv(rows(
                row("J1", "张三", "1380000000", "U1", "3", "", ""),
                row("J2", "李四", "13800000002", "U7", "3", "", "")));

        String jobId = jobs.start(id, "bad.csv", Uploads.spool(new ByteArrayInputStream(file)), "admin",
                org.baiti.unit.UnitScope.all()).jobId();
        JsonNode done = waitUntilDone(jobId);

        assertThat(done.get("phase").asString()).isEqualTo("failed");
        assertThat(done.get("error").get("error").asString()).isEqualTo("invalid_file");
        assertThat(done.get("error").get("details")).hasSize(2);
        assertThat(done.get("error").get("details").get(1).get("row").asInt()).isEqualTo(3);
        assertThat(api().admin().get("/api/admin/contests/" + id + "/offline-results/summary").json()
                .get("participants").asLong()).isZero();
    }

    @Test
    void unknownJobsAreNotFoundAndAnonymousCallersAreRefused() {
        Api.Response unknown = api().admin().get("/api/admin/imports/0123456789abcdef0123456789abcdef");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("error").asString()).isEqualTo("not_found");
        assertThat(api().get("/api/admin/imports/0123456789abcdef0123456789abcdef").status()).isEqualTo(401);
    }
}
