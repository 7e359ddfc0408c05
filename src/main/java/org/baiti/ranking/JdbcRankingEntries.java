package org.baiti.ranking;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcRankingEntries implements RankingEntries {

    /** {@link RankingOrder#sqlOrderBy}: exactly the columns and directions of the index {@code ranking_order} (V10). */
    static final String ORDER_BY = RankingOrder.sqlOrderBy("r");

    /** A page of the ranking: reads {@code ranking_order} in index order and stops after the limit. */
    static final String PAGE = """
            SELECT r.name, r.unit_code, r.accuracy, r.duration_ms
            FROM ranking_entry r
            WHERE r.contest_id = :c
            """ + ORDER_BY + " LIMIT :limit OFFSET :offset";

    /**
     * Entries strictly before one (SPEC §4), counted plainly: {@link RankingOrder#sqlBefore} over the whole ranking.
     * The definition the tests compare {@link #RANK_COUNT} and {@link #STANDING} with; its work grows with the rank
     * (up to the whole ranking), so it does not answer requests.
     */
    static final String COUNT_BEFORE = "SELECT COUNT(*) FROM ranking_entry r WHERE r.contest_id = :c AND "
            + RankingOrder.sqlBefore("r", RankingOrder.SqlColumn.ACCURACY, List.of(":a", ":d", ":s", ":p"));

    /**
     * The same count from the counts of V50, for an entry given as SQL expressions ({@code contest}, accuracy, time
     * used, submission time, participant): entries with a higher accuracy ({@code ranking_count_by_accuracy}), entries
     * with the same accuracy and fewer whole seconds ({@code ranking_count_by_second}), and those of the same accuracy
     * and second that rank before (a short range of {@code ranking_order}, {@link RankingOrder#sqlBefore} from the time
     * on). {@code / 1000} is the whole seconds of V50 (times are never negative).
     */
    private static String ahead(String c, String a, String d, String s, String p) {
        return """
                CAST((SELECT COALESCE(SUM(n.entries), 0) FROM ranking_count_by_accuracy n
                      WHERE n.contest_id = %1$s AND n.accuracy > %2$s) AS BIGINT)
              + CAST((SELECT COALESCE(SUM(n.entries), 0) FROM ranking_count_by_second n
                      WHERE n.contest_id = %1$s AND n.accuracy = %2$s AND n.duration_s < %3$s / 1000) AS BIGINT)
              + (SELECT COUNT(*) FROM ranking_entry r
                 WHERE r.contest_id = %1$s AND r.accuracy = %2$s
                   AND r.duration_ms >= %3$s / 1000 * 1000 AND r.duration_ms <= %3$s
                   AND %4$s)
                """.formatted(c, a, d,
                RankingOrder.sqlBefore("r", RankingOrder.SqlColumn.DURATION, List.of(a, d, s, p)));
    }

    /** {@link #ahead} for an entry given as parameters: the rank a submission is answered with. */
    static final String RANK_COUNT = "SELECT " + ahead(":c", ":a", ":d", ":s", ":p");

    /**
     * A person's entry and, in the same statement, {@link #ahead} for it: "my rank" in one round trip. The subqueries
     * are correlated with the entry row ({@code e}), so each is the same index lookup as in {@link #RANK_COUNT}.
     */
    static final String STANDING = "SELECT e.*, "
            + ahead("e.contest_id", "e.accuracy", "e.duration_ms", "e.submitted_at", "e.phone") + """
             AS ahead
            FROM ranking_entry e
            WHERE e.contest_id = ? AND e.phone = ?
            """;

    private static final String INSERT = """
            INSERT INTO ranking_entry (contest_id, phone, attempt_id, name, unit_code, top_code, accuracy,
                duration_ms, submitted_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (contest_id, phone) DO NOTHING
            """;

    private static final String ADD_BY_ACCURACY = """
            INSERT INTO ranking_count_by_accuracy (contest_id, accuracy, entries) VALUES (?, ?, ?)
            ON CONFLICT (contest_id, accuracy) DO UPDATE SET entries = ranking_count_by_accuracy.entries + excluded.entries
            """;

    private static final String ADD_BY_SECOND = """
            INSERT INTO ranking_count_by_second (contest_id, accuracy, duration_s, entries) VALUES (?, ?, ?, ?)
            ON CONFLICT (contest_id, accuracy, duration_s)
            DO UPDATE SET entries = ranking_count_by_second.entries + excluded.entries
            """;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    JdbcRankingEntries(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    @Override
    public Optional<RankingEntry> find(long contestId, String phone) {
        return jdbc.sql("SELECT * FROM ranking_entry WHERE contest_id = ? AND phone = ?").params(contestId, phone)
                .query(JdbcRankingEntries::row).optional();
    }

    @Override
    public boolean insertIfAbsent(RankingEntry e) {
        boolean inserted = jdbc.sql(INSERT)
                .params(e.contestId(), e.phone(), e.attemptId(), e.name(), e.unitCode(), e.topCode(), e.accuracy(),
                        e.durationMs(), e.submittedAt().toEpochMilli())
                .update() == 1;
        if (inserted) {
            count(List.of(e), List.of());
        }
        return inserted;
    }

    @Override
    public List<Boolean> insertAllIfAbsent(List<RankingEntry> entries) {
        int[] counts = template.batchUpdate(INSERT, new BatchPreparedStatementSetter() {
            @Override
            public void setValues(PreparedStatement ps, int i) throws SQLException {
                RankingEntry e = entries.get(i);
                ps.setLong(1, e.contestId());
                ps.setString(2, e.phone());
                ps.setString(3, e.attemptId());
                ps.setString(4, e.name());
                ps.setString(5, e.unitCode());
                ps.setString(6, e.topCode());
                ps.setDouble(7, e.accuracy());
                ps.setLong(8, e.durationMs());
                ps.setLong(9, e.submittedAt().toEpochMilli());
            }

            @Override
            public int getBatchSize() {
                return entries.size();
            }
        });
        List<Boolean> out = new ArrayList<>(entries.size());
        List<RankingEntry> added = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            RankingEntry e = entries.get(i);
            boolean inserted;
            if (counts[i] == Statement.SUCCESS_NO_INFO) {
                // no row counts from a driver that rewrites batched inserts: the entry is ours if it now holds our
                // attempt (it cannot have held it before: an attempt enters the ranking once, when it is stored)
                inserted = find(e.contestId(), e.phone()).map(f -> f.attemptId().equals(e.attemptId())).orElse(false);
            } else {
                inserted = counts[i] == 1;
            }
            if (inserted) {
                added.add(e);
            }
            out.add(inserted);
        }
        count(added, List.of());
        return out;
    }

    @Override
    public boolean replace(RankingEntry e, RankingEntry previous) {
        boolean replaced = jdbc.sql("""
                UPDATE ranking_entry SET attempt_id = ?, name = ?, unit_code = ?, top_code = ?, accuracy = ?,
                    duration_ms = ?, submitted_at = ?
                WHERE contest_id = ? AND phone = ? AND attempt_id = ?
                """)
                .params(e.attemptId(), e.name(), e.unitCode(), e.topCode(), e.accuracy(), e.durationMs(),
                        e.submittedAt().toEpochMilli(), e.contestId(), e.phone(), previous.attemptId())
                .update() == 1;
        if (replaced) {
            count(List.of(e), List.of(previous));
        }
        return replaced;
    }

    /** Whole seconds of time used: the bucket of {@code ranking_count_by_second}. */
    static long second(long durationMs) {
        return Math.floorDiv(durationMs, 1000L);
    }

    /**
     * A key of the counts ({@code time}: whole seconds, 0 for the counts per accuracy), ordered so that
     * every transaction changes count rows in the same order (no deadlocks).
     */
    private record Bucket(long contestId, double accuracy, long time) {
        static final Comparator<Bucket> ORDER = Comparator.comparingLong(Bucket::contestId)
                .thenComparingDouble(Bucket::accuracy).thenComparingLong(Bucket::time);
    }

    /** Adds the entries to the counts and takes the removed ones off, one statement per changed count. */
    private void count(List<RankingEntry> added, List<RankingEntry> removed) {
        if (added.isEmpty() && removed.isEmpty()) {
            return;
        }
        Map<Bucket, Long> byAccuracy = new TreeMap<>(Bucket.ORDER);
        Map<Bucket, Long> bySecond = new TreeMap<>(Bucket.ORDER);
        for (RankingEntry e : added) {
            byAccuracy.merge(new Bucket(e.contestId(), e.accuracy() + 0.0, 0), 1L, Long::sum);
            bySecond.merge(new Bucket(e.contestId(), e.accuracy() + 0.0, second(e.durationMs())), 1L, Long::sum);
        }
        for (RankingEntry e : removed) {
            byAccuracy.merge(new Bucket(e.contestId(), e.accuracy() + 0.0, 0), -1L, Long::sum);
            bySecond.merge(new Bucket(e.contestId(), e.accuracy() + 0.0, second(e.durationMs())), -1L, Long::sum);
        }
        add(ADD_BY_ACCURACY, byAccuracy, false);
        add(ADD_BY_SECOND, bySecond, true);
    }

    /** One batched upsert of the changed counts of a level (a bucket's time only on the levels that have one). */
    private void add(String sql, Map<Bucket, Long> changes, boolean timed) {
        changes.values().removeIf(v -> v == 0);
        if (changes.isEmpty()) {
            return;
        }
        List<Map.Entry<Bucket, Long>> rows = new ArrayList<>(changes.entrySet());
        template.batchUpdate(sql, rows, rows.size(), (ps, e) -> {
            int i = 1;
            ps.setLong(i++, e.getKey().contestId());
            ps.setDouble(i++, e.getKey().accuracy());
            if (timed) {
                ps.setLong(i++, e.getKey().time());
            }
            ps.setLong(i, e.getValue());
        });
    }

    @Override
    public long countBefore(RankingEntry e) {
        return jdbc.sql(RANK_COUNT)
                .param("c", e.contestId()).param("a", e.accuracy() + 0.0).param("d", e.durationMs())
                .param("s", e.submittedAt().toEpochMilli()).param("p", e.phone())
                .query(Long.class).single();
    }

    @Override
    public Optional<Standing> standing(long contestId, String phone) {
        return jdbc.sql(STANDING).params(contestId, phone)
                .query((rs, n) -> new Standing(row(rs, n), 1 + rs.getLong("ahead"))).optional();
    }

    @Override
    public List<Line> page(long contestId, int offset, int limit) {
        List<Line> lines = new ArrayList<>();
        jdbc.sql(PAGE)
                .param("c", contestId).param("limit", limit).param("offset", offset)
                .query(rs -> {
                    lines.add(new Line(offset + lines.size() + 1, rs.getString("name"), rs.getString("unit_code"),
                            rs.getDouble("accuracy"), rs.getLong("duration_ms")));
                });
        return lines;
    }

    @Override
    public long count(long contestId) {
        // the counts per accuracy (V50) add up to the entries: a few rows instead of the whole ranking's index
        return jdbc.sql("SELECT CAST(COALESCE(SUM(entries), 0) AS BIGINT) FROM ranking_count_by_accuracy WHERE contest_id = ?")
                .param(contestId).query(Long.class).single();
    }

    private static RankingEntry row(ResultSet rs, int n) throws SQLException {
        return new RankingEntry(rs.getLong("contest_id"), rs.getString("phone"), rs.getString("attempt_id"),
                rs.getString("name"), rs.getString("unit_code"), rs.getString("top_code"), rs.getDouble("accuracy"),
                rs.getLong("duration_ms"), Instant.ofEpochMilli(rs.getLong("submitted_at")));
    }
}
