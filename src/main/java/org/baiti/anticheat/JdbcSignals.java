package org.baiti.anticheat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcSignals {

    private static final String UPSERT = """
            INSERT INTO attempt_signal (attempt_id, contest_id, kind, at, hits, detail) VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT (attempt_id, kind) DO UPDATE SET
                at = CASE WHEN excluded.hits > attempt_signal.hits THEN excluded.at ELSE attempt_signal.at END,
                detail = CASE WHEN excluded.hits > attempt_signal.hits THEN excluded.detail ELSE attempt_signal.detail END,
                hits = CASE WHEN excluded.hits > attempt_signal.hits THEN excluded.hits ELSE attempt_signal.hits END
            """;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    JdbcSignals(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** Records a signal once per attempt and kind; a later report keeps the highest count and the latest time. */
    void upsert(Signal s) {
        jdbc.sql(UPSERT).params(s.attemptId(), s.contestId(), s.kind().code(), s.at().toEpochMilli(), s.count(), s.detail())
                .update();
    }

    /** {@link #upsert} for many signals at once, in one batch (the caller's transaction). */
    void upsertAll(List<Signal> signals) {
        template.batchUpdate(UPSERT, signals, 256, (ps, s) -> {
            ps.setString(1, s.attemptId());
            ps.setLong(2, s.contestId());
            ps.setString(3, s.kind().code());
            ps.setLong(4, s.at().toEpochMilli());
            ps.setInt(5, s.count());
            ps.setString(6, s.detail());
        });
    }

    /** Attempts of the contest and top-level unit stored so far from the address (V62's count: one row). */
    long attemptsFrom(long contestId, String address, String topCode) {
        return jdbc.sql("""
                        SELECT attempts FROM attempt_address_unit_count WHERE contest_id = ? AND client_ip = ? AND top_code = ?
                        """)
                .params(contestId, address, topCode).query(Long.class).optional().orElse(0L);
    }

    /**
     * Adds stored attempts to the counts of their addresses, in the caller's transaction. In a fixed order, so that
     * two nodes adding to the same addresses at once wait for each other instead of deadlocking.
     */
    void countAttempts(Map<AddressKey, Long> added) {
        List<Map.Entry<AddressKey, Long>> rows = new ArrayList<>(added.entrySet());
        rows.sort(Map.Entry.comparingByKey());
        template.batchUpdate("""
                INSERT INTO attempt_address_unit_count (contest_id, client_ip, top_code, attempts) VALUES (?, ?, ?, ?)
                ON CONFLICT (contest_id, client_ip, top_code) DO UPDATE SET
                    attempts = attempt_address_unit_count.attempts + excluded.attempts
                """, rows, 256, (ps, e) -> {
            ps.setLong(1, e.getKey().contestId());
            ps.setString(2, e.getKey().address());
            ps.setString(3, e.getKey().topCode());
            ps.setLong(4, e.getValue());
        });
    }

    /** A contest, a client address and a top-level unit. */
    record AddressKey(long contestId, String address, String topCode) implements Comparable<AddressKey> {
        @Override
        public int compareTo(AddressKey o) {
            int c = Long.compare(contestId, o.contestId);
            c = c != 0 ? c : address.compareTo(o.address);
            return c != 0 ? c : topCode.compareTo(o.topCode);
        }
    }

    /** Forgets the addresses of a contest: the counts per address go, the many-attempts signals keep kind and count. */
    void forgetAddresses(long contestId) {
        jdbc.sql("DELETE FROM attempt_address_unit_count WHERE contest_id = ?").param(contestId).update();
        // the signal's detail names the address; its kind, count and threshold stay on the review list
        jdbc.sql("UPDATE attempt_signal SET detail = '{}' WHERE contest_id = ? AND kind = 'many_attempts_from_address'")
                .param(contestId).update();
    }

    /** A stored signal of an attempt, as the review list lists it. */
    record Listed(String attemptId, Review.Item item) {
    }

    /** The contest's signals, newest first, at most {@code limit} (the review list's rows). */
    List<Listed> newest(long contestId, int limit) {
        return jdbc.sql("""
                SELECT attempt_id, kind, at, hits, detail FROM attempt_signal
                WHERE contest_id = ?
                ORDER BY at DESC
                LIMIT ?
                """).params(contestId, limit)
                .query((rs, n) -> new Listed(rs.getString("attempt_id"), new Review.Item(rs.getString("kind"),
                        Instant.ofEpochMilli(rs.getLong("at")), rs.getInt("hits"), rs.getString("detail"))))
                .list();
    }
}
