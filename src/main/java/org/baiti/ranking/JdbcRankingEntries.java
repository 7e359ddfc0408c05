package org.baiti.ranking;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcRankingEntries implements RankingEntries {

    /** Exactly the columns and directions of the index {@code ranking_order} (V10). */
    static final String ORDER_BY = "ORDER BY r.accuracy DESC, r.duration_ms, r.submitted_at, r.phone";

    /** A page of the ranking: reads {@code ranking_order} in index order and stops after the limit. */
    static final String PAGE = """
            SELECT r.name, r.unit_code, u.name AS unit_name, r.accuracy, r.duration_ms
            FROM ranking_entry r
            LEFT JOIN unit u ON u.contest_id = r.contest_id AND u.code = r.unit_code
            WHERE r.contest_id = :c
            """ + ORDER_BY + " LIMIT :limit OFFSET :offset";

    /**
     * Entries strictly before one (SPEC §4), as four counts over contiguous ranges of {@code ranking_order}:
     * better accuracy; same accuracy and less time; same time and earlier submission; a full tie and a smaller
     * participant key. Each range is exactly the entries it counts, so the work is proportional to the rank.
     */
    static final String COUNT_BEFORE = """
            SELECT
              (SELECT COUNT(*) FROM ranking_entry WHERE contest_id = :c AND accuracy > :a)
            + (SELECT COUNT(*) FROM ranking_entry WHERE contest_id = :c AND accuracy = :a AND duration_ms < :d)
            + (SELECT COUNT(*) FROM ranking_entry WHERE contest_id = :c AND accuracy = :a AND duration_ms = :d
                 AND submitted_at < :s)
            + (SELECT COUNT(*) FROM ranking_entry WHERE contest_id = :c AND accuracy = :a AND duration_ms = :d
                 AND submitted_at = :s AND phone < :p)
            """;

    private final JdbcClient jdbc;

    JdbcRankingEntries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<RankingEntry> find(long contestId, String phone) {
        return jdbc.sql("SELECT * FROM ranking_entry WHERE contest_id = ? AND phone = ?").params(contestId, phone)
                .query(JdbcRankingEntries::row).optional();
    }

    @Override
    public boolean insertIfAbsent(RankingEntry e) {
        return jdbc.sql("""
                INSERT INTO ranking_entry (contest_id, phone, attempt_id, name, unit_code, top_code, accuracy,
                    duration_ms, submitted_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (contest_id, phone) DO NOTHING
                """)
                .params(e.contestId(), e.phone(), e.attemptId(), e.name(), e.unitCode(), e.topCode(), e.accuracy(),
                        e.durationMs(), e.submittedAt().toEpochMilli())
                .update() == 1;
    }

    @Override
    public boolean replace(RankingEntry e, String previousAttemptId) {
        return jdbc.sql("""
                UPDATE ranking_entry SET attempt_id = ?, name = ?, unit_code = ?, top_code = ?, accuracy = ?,
                    duration_ms = ?, submitted_at = ?
                WHERE contest_id = ? AND phone = ? AND attempt_id = ?
                """)
                .params(e.attemptId(), e.name(), e.unitCode(), e.topCode(), e.accuracy(), e.durationMs(),
                        e.submittedAt().toEpochMilli(), e.contestId(), e.phone(), previousAttemptId)
                .update() == 1;
    }

    @Override
    public long countBefore(RankingEntry e) {
        return jdbc.sql(COUNT_BEFORE)
                .param("c", e.contestId()).param("a", e.accuracy()).param("d", e.durationMs())
                .param("s", e.submittedAt().toEpochMilli()).param("p", e.phone())
                .query(Long.class).single();
    }

    @Override
    public List<RankingRow> page(long contestId, int offset, int limit) {
        List<RankingRow> rows = new ArrayList<>();
        jdbc.sql(PAGE)
                .param("c", contestId).param("limit", limit).param("offset", offset)
                .query(rs -> {
                    String unit = rs.getString("unit_name");
                    rows.add(new RankingRow(offset + rows.size() + 1, rs.getString("name"),
                            unit == null ? rs.getString("unit_code") : unit, rs.getDouble("accuracy"),
                            rs.getLong("duration_ms")));
                });
        return rows;
    }

    @Override
    public long count(long contestId) {
        return jdbc.sql("SELECT COUNT(*) FROM ranking_entry WHERE contest_id = ?").param(contestId)
                .query(Long.class).single();
    }

    private static RankingEntry row(ResultSet rs, int n) throws SQLException {
        return new RankingEntry(rs.getLong("contest_id"), rs.getString("phone"), rs.getString("attempt_id"),
                rs.getString("name"), rs.getString("unit_code"), rs.getString("top_code"), rs.getDouble("accuracy"),
                rs.getLong("duration_ms"), Instant.ofEpochMilli(rs.getLong("submitted_at")));
    }
}
