package org.baiti.offline;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.baiti.Dialect;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What an offline import does differently on each database, in one place: how it keeps other imports of the contest
 * out until it commits, how it sets up the connection for many rows, and how it inserts a chunk of rows. The
 * implementation is chosen by the {@link Dialect} bean ({@link #of}).
 */
sealed interface ImportDialect permits ImportDialect.Sqlite, ImportDialect.Postgres {

    static ImportDialect of(Dialect dialect, JdbcTemplate jdbc) {
        return dialect == Dialect.SQLITE ? new Sqlite(jdbc) : new Postgres(jdbc);
    }

    /**
     * Called first in the import's transaction: waits until no other import of the contest (on any node) is
     * running, and keeps the next ones waiting until this transaction ends.
     */
    void begin(long contestId);

    /** Called last in the import's transaction (also when it fails): undoes what {@link #begin} set up. */
    void end();

    /**
     * Inserts the rows whose ticket is not stored yet ({@code ON CONFLICT DO NOTHING}).
     *
     * @return the rows left out because their ticket is stored already, in the order given
     */
    List<OfflineResult> insert(long contestId, long importId, List<OfflineResult> rows);

    String INSERT = """
            INSERT INTO offline_result (contest_id, ticket, name, phone, unit_code, top_code, score, max_score,
                accuracy, perfect, venue, answers, import_id, row_no)
            """;

    /**
     * SQLite: a writing transaction is {@code IMMEDIATE} (it holds the database's one write lock from its start), so
     * two imports never overlap and {@link #begin} has nothing to lock. The page cache is raised to 64 MiB for the
     * import (the default 2 MiB spills index pages of a large import to the WAL and reads them back row after row).
     * Rows go in as a JDBC batch of one-row inserts (sqlite-jdbc runs the batch in one native call); the batch's
     * counts say which were added.
     */
    final class Sqlite implements ImportDialect {

        private static final int BULK_CACHE_KIB = 64 * 1024;
        private static final int DEFAULT_CACHE_KIB = 2_000;

        private final JdbcTemplate jdbc;

        Sqlite(JdbcTemplate jdbc) {
            this.jdbc = jdbc;
        }

        @Override
        public void begin(long contestId) {
            jdbc.execute("PRAGMA cache_size = -" + BULK_CACHE_KIB);
        }

        @Override
        public void end() {
            jdbc.execute("PRAGMA cache_size = -" + DEFAULT_CACHE_KIB);
        }

        @Override
        public List<OfflineResult> insert(long contestId, long importId, List<OfflineResult> rows) {
            if (rows.isEmpty()) {
                return List.of();
            }
            int[] counts = jdbc.batchUpdate(INSERT + """
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (contest_id, ticket) DO NOTHING
                    """, new BatchPreparedStatementSetter() {
                @Override
                public void setValues(PreparedStatement ps, int i) throws SQLException {
                    OfflineResult r = rows.get(i);
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
                    ps.setObject(11, r.venue(), Types.VARCHAR);
                    ps.setObject(12, r.answers(), Types.VARCHAR);
                    ps.setLong(13, importId);
                    ps.setInt(14, r.rowNo());
                }

                @Override
                public int getBatchSize() {
                    return rows.size();
                }
            });
            List<OfflineResult> leftOut = new ArrayList<>();
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] < 0) {
                    throw new IllegalStateException("the driver did not say which rows it inserted");
                }
                if (counts[i] == 0) {
                    leftOut.add(rows.get(i));
                }
            }
            return leftOut;
        }
    }

    /**
     * PostgreSQL: imports of one contest are kept apart by a transaction-level advisory lock on the contest's id
     * (not a lock on the contest's row, which online submissions share-lock to check the freeze: they would wait for
     * the whole import). Rows go in as one {@code INSERT … SELECT … FROM unnest(arrays)} per chunk, one array per
     * column, so the server parses and plans one statement per chunk and says how many rows it added whatever the
     * URL's {@code reWriteBatchedInserts}.
     */
    final class Postgres implements ImportDialect {

        private static final String UNNEST = INSERT + """
                SELECT ?, u.ticket, u.name, u.phone, u.unit_code, u.top_code, u.score, u.max_score, u.accuracy,
                    u.perfect, u.venue, u.answers, ?, u.row_no
                FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::integer[], ?::integer[],
                    ?::double precision[], ?::integer[], ?::text[], ?::text[], ?::integer[])
                    AS u (ticket, name, phone, unit_code, top_code, score, max_score, accuracy, perfect, venue,
                        answers, row_no)
                WHERE true
                ON CONFLICT (contest_id, ticket) DO NOTHING
                RETURNING ticket
                """;

        private final JdbcTemplate jdbc;

        Postgres(JdbcTemplate jdbc) {
            this.jdbc = jdbc;
        }

        @Override
        public void begin(long contestId) {
            jdbc.query("SELECT pg_advisory_xact_lock(?)", rs -> null, contestId);
        }

        @Override
        public void end() {
            // the advisory lock ends with the transaction
        }

        @Override
        public List<OfflineResult> insert(long contestId, long importId, List<OfflineResult> rows) {
            if (rows.isEmpty()) {
                return List.of();
            }
            Set<String> inserted = jdbc.execute((ConnectionCallback<Set<String>>) connection -> {
                int n = rows.size();
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
                    OfflineResult r = rows.get(i);
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
                try (PreparedStatement ps = connection.prepareStatement(UNNEST)) {
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
                    Set<String> tickets = new HashSet<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            tickets.add(rs.getString(1));
                        }
                    }
                    return tickets;
                }
            });
            return rows.stream().filter(r -> !inserted.contains(r.ticket())).toList();
        }
    }
}
