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
        assertThat(done.get("error").get("message").asString()).isEqualTo("文件有 2 处错误，未导入任何数据");
        assertThat(done.get("error").get("details").get(0).get("reason").asString())
                .isEqualTo("不是中国大陆手机号（11 位，以 1 开头）：1380000000");
        assertThat(done.get("error").get("details").get(1).get("column").asString()).isEqualTo("单位编码 / unit");
        assertThat(done.get("error").get("details").get(1).get("reason").asString()).isEqualTo("未知单位：U7");
        assertThat(api().admin().get("/api/admin/contests/" + id + "/offline-results/summary").json()
                .get("participants").asLong()).isZero();
        // someone reading English sees the same job in English
        JsonNode en = api().admin().accepting("en").get("/api/admin/imports/" + jobId).json();
        assertThat(en.get("error").get("error").asString()).isEqualTo("invalid_file");
        assertThat(en.get("error").get("message").asString()).isEqualTo("2 error(s) in the file; nothing was imported");
        assertThat(en.get("error").get("details").get(1).get("row").asInt()).isEqualTo(3);
        assertThat(en.get("error").get("details").get(1).get("reason").asString()).isEqualTo("unknown unit: U7");
        // As another node reads it: the row errors come back as row errors, in keys, to be worded for each reader.
        JdbcImportJobs.Stored s = stored().find(jobId).orElseThrow();
        assertThat(s.failure().code()).isEqualTo("invalid_file");
        assertThat(s.failure().details()).hasSize(2).allMatch(d -> d instanceof org.baiti.sheet.RowError);
        assertThat(s.failure().details().get(1)).isEqualTo(
                org.baiti.sheet.RowError.of(3, "单位编码 / unit", "row.offline.unknown_unit", "U7"));
        assertThat(jobs().find(jobId, java.util.Locale.ENGLISH).orElseThrow().error().details().get(0))
                .isEqualTo(new org.baiti.sheet.RowError.Worded(2, "手机号 / phone",
                        "not a mainland mobile number (11 digits starting with 1): 1380000000"));
    }

    /** A job that failed before its reasons were stored as keys keeps the words it was stored with. */
    @Test
    default void aJobStoredWithWordsIsShownWithThem() {
        Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        String old = "0123456789abcdef0123456789abcde3";
        stored().insert(new OfflineImportJobs.Status(old, 7, "old.csv", "admin", now, "validate", 1, 1, false, null,
                null), now);
        bean(org.springframework.jdbc.core.simple.JdbcClient.class)
                .sql("UPDATE offline_import_job SET phase = 'failed', error = ?, ended_at = ? WHERE id = ?")
                .params("{\"error\":\"invalid_file\",\"message\":\"文件有 1 处错误，未导入任何数据 / 1 error(s)\","
                        + "\"details\":[{\"row\":2,\"column\":\"姓名 / name\",\"reason\":\"必填 / required\"}]}",
                        now.toEpochMilli(), old)
                .update();

        JsonNode r = api().admin().get("/api/admin/imports/" + old).json();
        assertThat(r.get("phase").asString()).isEqualTo("failed");
        assertThat(r.get("error").get("error").asString()).isEqualTo("invalid_file");
        assertThat(r.get("error").get("message").asString()).isEqualTo("文件有 1 处错误，未导入任何数据 / 1 error(s)");
        assertThat(r.get("error").get("details").get(0).get("row").asInt()).isEqualTo(2);
        assertThat(r.get("error").get("details").get(0).get("reason").asString()).isEqualTo("必填 / required");
        stored().forgetBefore(now.plusSeconds(1));
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
        assertThat(r.json().get("error").get("message").asString())
                .isEqualTo("运行该导入的服务器已停止，导入未完成，未导入任何数据，请重新导入");
        assertThat(api().admin().accepting("en").get("/api/admin/imports/" + lost).json().get("error").get("message")
                .asString()).startsWith("The server running this import stopped");

        String fresh = "0123456789abcdef0123456789abcde2";
        stored().insert(new OfflineImportJobs.Status(fresh, 7, "fresh.csv", "admin", startedAt, "validate", 10, 0,
                false, null, null), now);
        assertThat(api().admin().get("/api/admin/imports/" + fresh).json().get("done").asBoolean()).isFalse();

        assertThat(stored().forgetBefore(now.minus(OfflineImportJobs.STALE))).isGreaterThanOrEqualTo(1);
        assertThat(stored().find(lost)).isEmpty();
        assertThat(stored().find(fresh)).isPresent();
    }
}
