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
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcOfflineResults implements OfflineResults {

    private static final int IN_CHUNK = 500;

    /**
     * SQLite: an import adding at least this many rows, and at least twice as many as the table holds, drops the
     * table's secondary indexes in its transaction and builds them again before it commits.
     */
    static final int MIN_ROWS_TO_DEFER_INDEXES = 20_000;

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

    /**
     * SQLite ({@link #deferIndexesFrom}): adding many rows to a table that holds fewer, maintaining three secondary
     * indexes row by row costs more than dropping them and building them again from the sorted table before the
     * commit. Both happen inside the import's transaction (SQLite's schema changes are transactional): a rollback
     * brings the indexes back, other connections keep seeing the committed table and its indexes, and SQLite has one
     * writer anyway. The indexes are dropped once the import has added that many rows (rows added before are in the
     * rebuilt indexes all the same) and rebuilt from their own stored definitions. PostgreSQL: nothing (a dropped index would lock out every reader of
     * the table until the commit).
     */
    @Override
    public long deferIndexesFrom() {
        if (dialect != Dialect.SQLITE) {
            return Long.MAX_VALUE;
        }
        long stored = jdbc.sql("SELECT COUNT(*) FROM offline_result").query(Long.class).single();
        return Math.max(MIN_ROWS_TO_DEFER_INDEXES, 2 * stored);
    }

    @Override
    public List<String> deferIndexes() {
        if (dialect != Dialect.SQLITE) {
            return List.of();
        }
        List<String[]> indexes = jdbc.sql("""
                SELECT name, sql FROM sqlite_master
                WHERE type = 'index' AND tbl_name = 'offline_result' AND sql IS NOT NULL ORDER BY name
                """).query((rs, n) -> new String[] {rs.getString("name"), rs.getString("sql")}).list();
        List<String> rebuild = new ArrayList<>();
        for (String[] index : indexes) {
            template.execute("DROP INDEX \"" + index[0].replace("\"", "\"\"") + "\"");
            rebuild.add(index[1]);
        }
        return rebuild;
    }

    @Override
    public void restoreIndexes(List<String> rebuild) {
        for (String sql : rebuild) {
            template.execute(sql);
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

    /**
     * SQLite: a JDBC batch of one-row inserts (sqlite-jdbc runs the whole batch in one native call; a multi-row
     * {@code VALUES} list was measured no faster). PostgreSQL: one {@code INSERT … SELECT … FROM unnest(arrays)}
     * per call, so the database says how many rows were added whatever the URL's {@code reWriteBatchedInserts}.
     */
    @Override
    public long insertNew(long contestId, long importId, List<OfflineResult> results) {
        if (results.isEmpty()) {
            return 0;
        }
        if (dialect == Dialect.POSTGRESQL) {
            return insertUnnest(contestId, importId, results);
        }
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

    /**
     * PostgreSQL: one statement for the whole list whatever its length, one array parameter per column
     * ({@code INSERT … SELECT … FROM unnest(…)}): the server parses and plans it once per batch.
     */
    private long insertUnnest(long contestId, long importId, List<OfflineResult> results) {
        Integer inserted = template.execute((ConnectionCallback<Integer>) connection -> {
            int n = results.size();
            String[] ticket = new String[n];
            String[] name = new String[n];
            String[] phone = new String[n];
            String[] unitCode = new String[n];
            String[] topCode = new String[n];
            Integer[] score = new Integer[n];
            Integer[] maxScore = new Integer[n];
            Double[] accuracy = new Double[n];
            Integer[] perfect = new Integer[n];
            String[] venue = new String[n];
            String[] answers = new String[n];
            Integer[] rowNo = new Integer[n];
            for (int i = 0; i < n; i++) {
                OfflineResult r = results.get(i);
                ticket[i] = r.ticket();
                name[i] = r.name();
                phone[i] = r.phone();
                unitCode[i] = r.unitCode();
                topCode[i] = r.topCode();
                score[i] = r.score();
                maxScore[i] = r.maxScore();
                accuracy[i] = r.accuracy();
                perfect[i] = r.perfect() ? 1 : 0;
                venue[i] = r.venue();
                answers[i] = r.answers();
                rowNo[i] = r.rowNo();
            }
            try (PreparedStatement ps = connection.prepareStatement(UNNEST_SQL)) {
                int p = 0;
                ps.setLong(++p, contestId);
                ps.setLong(++p, importId);
                ps.setArray(++p, connection.createArrayOf("text", ticket));
                ps.setArray(++p, connection.createArrayOf("text", name));
                ps.setArray(++p, connection.createArrayOf("text", phone));
                ps.setArray(++p, connection.createArrayOf("text", unitCode));
                ps.setArray(++p, connection.createArrayOf("text", topCode));
                ps.setArray(++p, connection.createArrayOf("int4", score));
                ps.setArray(++p, connection.createArrayOf("int4", maxScore));
                ps.setArray(++p, connection.createArrayOf("float8", accuracy));
                ps.setArray(++p, connection.createArrayOf("int4", perfect));
                ps.setArray(++p, connection.createArrayOf("text", venue));
                ps.setArray(++p, connection.createArrayOf("text", answers));
                ps.setArray(++p, connection.createArrayOf("int4", rowNo));
                return ps.executeUpdate();
            }
        });
        return inserted == null ? -1 : inserted;
    }

    private static final String UNNEST_SQL = """
            INSERT INTO offline_result (contest_id, ticket, name, phone, unit_code, top_code, score, max_score,
                accuracy, perfect, venue, answers, import_id, row_no)
            SELECT ?, u.ticket, u.name, u.phone, u.unit_code, u.top_code, u.score, u.max_score, u.accuracy, u.perfect,
                u.venue, u.answers, ?, u.row_no
            FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::integer[], ?::integer[],
                ?::double precision[], ?::integer[], ?::text[], ?::text[], ?::integer[])
                AS u (ticket, name, phone, unit_code, top_code, score, max_score, accuracy, perfect, venue, answers,
                    row_no)
            WHERE true
            ON CONFLICT (contest_id, ticket) DO NOTHING
            """;

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
