package org.baiti.offline;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.baiti.contest.ImportResult;
import org.baiti.refusal.Refusal;
import org.baiti.sheet.Reason;
import org.baiti.sheet.RowError;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * The background offline imports' phase and progress in the database ({@code offline_import_job}), so a poll
 * on any node sees a job that another node runs. Each write is its own short transaction.
 *
 * <p>A failed job's refusal is stored without words (column {@code error}, JSON): its code, kind, message key and
 * arguments, and each row error's row, column and reason key with arguments, so whoever reads it later sees it in
 * their own language. Jobs stored before (words already in the JSON) are read with those words as they are.
 */
@Repository
class JdbcImportJobs {

    /**
     * A stored job: what the page shows (without its error's words), why it failed ({@code null} unless it did), and
     * when its node last wrote to it (the heartbeat).
     */
    record Stored(OfflineImportJobs.Status status, Refusal failure, Instant updatedAt) {
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

    /** The end of a job: its outcome ({@code failure} null when it succeeded), written once. */
    void finish(OfflineImportJobs.Status s, Refusal failure, Instant now) {
        jdbc.sql("UPDATE offline_import_job SET phase = ?, rows_read = ?, rows_total = ?, result = ?, error = ?,"
                        + " updated_at = ?, ended_at = ? WHERE id = ?")
                .params(s.phase(), s.rowsRead(), s.rowsTotal(),
                        s.result() == null ? null : json.writeValueAsString(s.result()),
                        failure == null ? null : json.writeValueAsString(stored(failure)),
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
                            result == null ? null : json.readValue(result, ImportResult.class), null);
                    return new Stored(s, error == null ? null : failure(error),
                            Instant.ofEpochMilli(rs.getLong("updated_at")));
                })
                .optional();
    }

    /** A refusal as stored: {@code {"error", "kind", "key", "args", "details"}}, row errors as keys and arguments. */
    static Map<String, Object> stored(Refusal r) {
        MessageSourceResolvable wording = r.wording();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("error", r.code());
        m.put("kind", r.kind().name());
        m.put("key", wording.getCodes()[0]);
        m.put("args", storedArgs(wording.getArguments()));
        List<Object> details = new ArrayList<>();
        for (Object d : r.details()) {
            if (d instanceof RowError e) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("row", e.row());
                row.put("column", e.column());
                row.put("reason", storedReason(e.reason()));
                details.add(row);
            } else {
                details.add(d);
            }
        }
        m.put("details", details);
        return m;
    }

    private static Map<String, Object> storedReason(Reason r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("key", r.key());
        m.put("args", storedArgs(r.args().toArray()));
        return m;
    }

    private static List<Object> storedArgs(Object[] args) {
        List<Object> out = new ArrayList<>();
        for (Object a : args == null ? new Object[0] : args) {
            out.add(a instanceof Reason r ? storedReason(r) : a instanceof Number || a instanceof String ? a : String.valueOf(a));
        }
        return out;
    }

    /** The refusal as stored; a job stored with words (before) keeps them: its message and reasons serve as keys. */
    private Refusal failure(String text) {
        Map<?, ?> m = json.readValue(text, Map.class);
        String code = String.valueOf(m.get("error"));
        String key = m.get("key") instanceof String k ? k : String.valueOf(m.get("message"));
        Object[] args = m.get("args") instanceof List<?> list ? readArgs(list) : new Object[0];
        Refusal r = switch (m.get("kind") instanceof String k ? k : Refusal.Kind.INVALID.name()) {
            case "NOT_FOUND" -> Refusal.notFound(code, key, args);
            case "FORBIDDEN" -> Refusal.forbidden(code, key, args);
            case "CONFLICT" -> Refusal.conflict(code, key, args);
            default -> Refusal.invalid(code, key, args);
        };
        List<Object> details = new ArrayList<>();
        for (Object d : m.get("details") instanceof List<?> list ? list : List.of()) {
            if (d instanceof Map<?, ?> row && row.get("row") instanceof Number n && row.containsKey("reason")) {
                details.add(new RowError(n.intValue(), row.get("column") == null ? "" : String.valueOf(row.get("column")),
                        readReason(row.get("reason"))));
            } else {
                details.add(d);
            }
        }
        return r.withDetails(details);
    }

    private static Reason readReason(Object stored) {
        if (stored instanceof Map<?, ?> m && m.get("key") instanceof String key) {
            return Reason.of(key, m.get("args") instanceof List<?> list ? readArgs(list) : new Object[0]);
        }
        return Reason.of(String.valueOf(stored)); // words stored before reasons were keys: shown as they are
    }

    private static Object[] readArgs(List<?> stored) {
        return stored.stream().map(a -> a instanceof Map<?, ?> ? readReason(a) : a == null ? "" : a).toArray();
    }

    /** Forgets jobs that ended before {@code limit}, and jobs whose node stopped writing before it. */
    int forgetBefore(Instant limit) {
        return jdbc.sql("DELETE FROM offline_import_job WHERE (ended_at IS NOT NULL AND ended_at < ?)"
                        + " OR (ended_at IS NULL AND updated_at < ?)")
                .params(limit.toEpochMilli(), limit.toEpochMilli())
                .update();
    }
}
