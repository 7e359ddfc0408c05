package org.baiti.offline;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.baiti.contest.ImportResult;
import org.baiti.sheet.RowError;
import org.baiti.web.ApiError;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * The background offline imports' phase and progress in the database ({@code offline_import_job}), so a poll
 * on any node sees a job that another node runs. Each write is its own short transaction.
 */
@Repository
class JdbcImportJobs {

    /** A stored job: what the page shows, and when its node last wrote to it (the heartbeat). */
    record Stored(OfflineImportJobs.Status status, Instant updatedAt) {
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;

    JdbcImportJobs(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void insert(OfflineImportJobs.Status s, Instant now) {
        jdbc.sql("INSERT INTO offline_import_job (id, contest_id, file_name, started_by, started_at, phase, rows_read,"
                        + " rows_total, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(s.jobId(), s.contestId(), s.fileName(), s.startedBy(), s.startedAt().toEpochMilli(), s.phase(),
                        s.rowsRead(), s.rowsTotal(), now.toEpochMilli())
                .update();
    }

    /** The progress of a running job; also the heartbeat ({@code updated_at}) when nothing moved. */
    void progress(String id, String phase, long rowsRead, long rowsTotal, Instant now) {
        jdbc.sql("UPDATE offline_import_job SET phase = ?, rows_read = ?, rows_total = ?, updated_at = ?"
                        + " WHERE id = ? AND ended_at IS NULL")
                .params(phase, rowsRead, rowsTotal, now.toEpochMilli(), id)
                .update();
    }

    /** The end of a job: its outcome, written once. */
    void finish(OfflineImportJobs.Status s, Instant now) {
        jdbc.sql("UPDATE offline_import_job SET phase = ?, rows_read = ?, rows_total = ?, result = ?, error = ?,"
                        + " updated_at = ?, ended_at = ? WHERE id = ?")
                .params(s.phase(), s.rowsRead(), s.rowsTotal(),
                        s.result() == null ? null : json.writeValueAsString(s.result()),
                        s.error() == null ? null : json.writeValueAsString(s.error()),
                        now.toEpochMilli(), now.toEpochMilli(), s.jobId())
                .update();
    }

    Optional<Stored> find(String id) {
        return jdbc.sql("SELECT id, contest_id, file_name, started_by, started_at, phase, rows_read, rows_total, result,"
                        + " error, updated_at, ended_at FROM offline_import_job WHERE id = ?")
                .param(id)
                .query((rs, n) -> {
                    String result = rs.getString("result");
                    String error = rs.getString("error");
                    boolean ended = rs.getObject("ended_at") != null;
                    OfflineImportJobs.Status s = new OfflineImportJobs.Status(rs.getString("id"), rs.getLong("contest_id"),
                            rs.getString("file_name"), rs.getString("started_by"),
                            Instant.ofEpochMilli(rs.getLong("started_at")), rs.getString("phase"),
                            rs.getLong("rows_read"), rs.getLong("rows_total"), ended,
                            result == null ? null : json.readValue(result, ImportResult.class),
                            error == null ? null : error(error));
                    return new Stored(s, Instant.ofEpochMilli(rs.getLong("updated_at")));
                })
                .optional();
    }

    /** An import's error as stored: its details are the file's row errors, which the page shows field by field. */
    private ApiError error(String text) {
        ApiError e = json.readValue(text, ApiError.class);
        List<Object> details = new ArrayList<>();
        for (Object d : e.details() == null ? List.of() : e.details()) {
            if (d instanceof Map<?, ?> m && m.get("reason") instanceof String reason && m.get("row") instanceof Number row) {
                details.add(new RowError(row.intValue(), m.get("column") == null ? "" : String.valueOf(m.get("column")),
                        reason));
            } else {
                details.add(d);
            }
        }
        return new ApiError(e.error(), e.message(), details);
    }

    /** Forgets jobs that ended before {@code limit}, and jobs whose node stopped writing before it. */
    int forgetBefore(Instant limit) {
        return jdbc.sql("DELETE FROM offline_import_job WHERE (ended_at IS NOT NULL AND ended_at < ?)"
                        + " OR (ended_at IS NULL AND updated_at < ?)")
                .params(limit.toEpochMilli(), limit.toEpochMilli())
                .update();
    }
}
