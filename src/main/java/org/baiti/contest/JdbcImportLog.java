package org.baiti.contest;

import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcImportLog implements ImportLog {

    private final JdbcClient jdbc;

    JdbcImportLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void record(Entry e) {
        jdbc.sql("""
                INSERT INTO import_log (id, contest_id, kind, file_name, file_sha256, rows_total, rows_added,
                    rows_changed, imported_by, imported_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
                .params(e.id(), e.contestId(), e.kind(), e.fileName(), e.fileSha256(), e.rowsTotal(), e.rowsAdded(),
                        e.rowsChanged(), e.importedBy(), e.importedAt().toEpochMilli())
                .update();
    }

    @Override
    public List<Entry> list(long contestId) {
        return jdbc.sql("SELECT * FROM import_log WHERE contest_id = ? ORDER BY imported_at DESC")
                .param(contestId)
                .query((rs, n) -> new Entry(rs.getLong("id"), rs.getLong("contest_id"), rs.getString("kind"),
                        rs.getString("file_name"), rs.getString("file_sha256"), rs.getInt("rows_total"),
                        rs.getInt("rows_added"), rs.getInt("rows_changed"), rs.getString("imported_by"),
                        Instant.ofEpochMilli(rs.getLong("imported_at"))))
                .list();
    }
}
