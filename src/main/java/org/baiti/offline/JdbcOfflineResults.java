package org.baiti.offline;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.baiti.Dialect;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcOfflineResults implements OfflineResults {

    private static final int IN_CHUNK = 500;

    /** SQLite page cache for a bulk write, in KiB (the default is 2 MiB, too small for indexes of 500,000 rows). */
    private static final int BULK_CACHE_KIB = 64 * 1024;
    private static final int DEFAULT_CACHE_KIB = 2_000;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final Dialect dialect;

    JdbcOfflineResults(JdbcClient jdbc, JdbcTemplate template, Dialect dialect) {
        this.jdbc = jdbc;
        this.template = template;
        this.dialect = dialect;
    }

    @Override
    public void bulkWrite(boolean on) {
        if (dialect == Dialect.SQLITE) {
            // Without it SQLite spills index pages to the WAL mid-transaction and reads them back, row after row.
            template.execute("PRAGMA cache_size = -" + (on ? BULK_CACHE_KIB : DEFAULT_CACHE_KIB));
        }
    }

    @Override
    public long count(long contestId) {
        return jdbc.sql("SELECT COUNT(*) FROM offline_result WHERE contest_id = ?").param(contestId)
                .query(Long.class).single();
    }

    @Override
    public Map<String, OfflineResult> byTickets(long contestId, Collection<String> tickets) {
        Map<String, OfflineResult> found = new HashMap<>();
        List<String> list = new ArrayList<>(tickets);
        for (int from = 0; from < list.size(); from += IN_CHUNK) {
            List<String> chunk = list.subList(from, Math.min(list.size(), from + IN_CHUNK));
            jdbc.sql("SELECT * FROM offline_result WHERE contest_id = :c AND ticket IN (:tickets)")
                    .param("c", contestId).param("tickets", chunk)
                    .query(JdbcOfflineResults::row).list()
                    .forEach(r -> found.put(r.ticket(), r));
        }
        return found;
    }

    @Override
    public long insertNew(long contestId, long importId, List<OfflineResult> results) {
        int[] counts = template.batchUpdate("""
                INSERT INTO offline_result (contest_id, ticket, name, phone, unit_code, top_code, score, max_score,
                    accuracy, perfect, venue, answers, import_id, row_no)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (contest_id, ticket) DO NOTHING
                """, new BatchPreparedStatementSetter() {
            @Override
            public void setValues(PreparedStatement ps, int i) throws SQLException {
                OfflineResult r = results.get(i);
                ps.setLong(1, contestId);
                ps.setString(2, r.ticket());
                ps.setString(3, r.name());
                ps.setString(4, r.phone());
                ps.setString(5, r.unitCode());
                ps.setString(6, r.topCode());
                ps.setInt(7, r.score());
                ps.setInt(8, r.maxScore());
                ps.setDouble(9, r.accuracy());
                ps.setInt(10, r.perfect() ? 1 : 0);
                if (r.venue() == null) {
                    ps.setNull(11, Types.VARCHAR);
                } else {
                    ps.setString(11, r.venue());
                }
                if (r.answers() == null) {
                    ps.setNull(12, Types.VARCHAR);
                } else {
                    ps.setString(12, r.answers());
                }
                ps.setLong(13, importId);
                ps.setInt(14, r.rowNo());
            }

            @Override
            public int getBatchSize() {
                return results.size();
            }
        });
        long inserted = 0;
        for (int c : counts) {
            if (c < 0) {
                return -1; // the driver did not say (Statement.SUCCESS_NO_INFO)
            }
            inserted += c;
        }
        return inserted;
    }

    @Override
    public long countImported(long contestId, long importId) {
        return jdbc.sql("SELECT COUNT(*) FROM offline_result WHERE contest_id = ? AND import_id = ?")
                .params(contestId, importId).query(Long.class).single();
    }

    @Override
    public List<TopUnitFigures> byTopUnit(long contestId) {
        return jdbc.sql("""
                SELECT top_code, COUNT(*) AS participants, SUM(perfect) AS perfect, AVG(accuracy) AS mean_accuracy
                FROM offline_result WHERE contest_id = ? GROUP BY top_code ORDER BY top_code
                """).param(contestId)
                .query((rs, n) -> new TopUnitFigures(rs.getString("top_code"), rs.getLong("participants"),
                        rs.getLong("perfect"), rs.getDouble("mean_accuracy")))
                .list();
    }

    @Override
    public long distinctPhones(long contestId) {
        return jdbc.sql("SELECT COUNT(DISTINCT phone) FROM offline_result WHERE contest_id = ?").param(contestId)
                .query(Long.class).single();
    }

    private static OfflineResult row(ResultSet rs, int n) throws SQLException {
        return new OfflineResult(rs.getString("ticket"), rs.getString("name"), rs.getString("phone"),
                rs.getString("unit_code"), rs.getString("top_code"), rs.getInt("score"), rs.getInt("max_score"),
                rs.getDouble("accuracy"), rs.getInt("perfect") == 1, rs.getString("venue"), rs.getString("answers"),
                rs.getInt("row_no"));
    }
}
