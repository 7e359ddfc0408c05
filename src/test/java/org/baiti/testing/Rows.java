package org.baiti.testing;

import java.util.concurrent.ThreadLocalRandom;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Rows a JDBC slice test stands its own rows on, written in plain SQL (the owning features are not in the slice). */
public final class Rows {

    private Rows() {
    }

    /** A new contest row (open for a day from the epoch's day 1, small quotas); answers its id. */
    public static long contest(JdbcClient jdbc) {
        long id = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE / 2);
        jdbc.sql("""
                INSERT INTO contest (id, name, questions_per_paper, time_limit_seconds, opens_at, closes_at, online_quota,
                    draw_quota, org_quota, created_at)
                VALUES (?, ?, 5, 600, 86400000, 172800000, 10, 10, 3, 0)
                """).params(id, "slice contest " + id).update();
        return id;
    }

    /** An attempt of the contest from the address (null for none) for the top-level unit; answers its id. */
    public static String attempt(JdbcClient jdbc, long contestId, String phone, String topCode, String address) {
        String id = "a" + Long.toHexString(ThreadLocalRandom.current().nextLong());
        jdbc.sql("""
                INSERT INTO attempt (id, contest_id, phone, name, unit_code, top_code, attempt_no, token_hash, paper,
                    issued_at, expires_at, client_ip)
                VALUES (?, ?, ?, 'n', ?, ?, 1, ?, '{}', 0, 0, ?)
                """).params(id, contestId, phone, topCode, topCode, "h" + id, address).update();
        return id;
    }
}
