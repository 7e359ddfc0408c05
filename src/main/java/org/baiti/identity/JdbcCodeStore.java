package org.baiti.identity;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The one_time_code table (V71): one row per phone (its keyed hash), shared by all nodes. Every change is one
 * conditional statement, so two nodes racing for the same phone cannot both send a code within the pause, and a flood
 * of guesses cannot get more tries than allowed.
 */
@Repository
class JdbcCodeStore {

    private static final long DAY = 86_400_000L;

    private final JdbcClient jdbc;

    JdbcCodeStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Why a code was not issued: the seconds to wait, or the day's cap reached. */
    record Refusal(long waitSeconds, boolean dailyCap) {
    }

    private record Row(String codeHash, long sentAt, long expiresAt, int tries, long windowStart, int sends) {
    }

    /** Stores a new code for the phone unless the pause or the day's cap forbids it. */
    Optional<Refusal> issue(String phoneKey, String codeHash, long now, long validMillis, long pauseMillis, int maxPerDay) {
        jdbc.sql("DELETE FROM one_time_code WHERE expires_at < ?").param(now - DAY).update();
        Optional<Row> row = find(phoneKey);
        if (row.isEmpty()) {
            int n = jdbc.sql("""
                    INSERT INTO one_time_code (phone_key, code_hash, sent_at, expires_at, tries, window_start, sends_in_window)
                    VALUES (?, ?, ?, ?, 0, ?, 1) ON CONFLICT (phone_key) DO NOTHING
                    """).params(phoneKey, codeHash, now, now + validMillis, now).update();
            return n == 1 ? Optional.empty() : Optional.of(new Refusal(Math.max(1, pauseMillis / 1000), false));
        }
        Row r = row.get();
        if (now - r.sentAt() < pauseMillis) {
            return Optional.of(new Refusal(Math.max(1, (pauseMillis - (now - r.sentAt()) + 999) / 1000), false));
        }
        boolean newDay = now - r.windowStart() >= DAY;
        int sends = newDay ? 0 : r.sends();
        if (sends >= maxPerDay) {
            return Optional.of(new Refusal((r.windowStart() + DAY - now + 999) / 1000, true));
        }
        int n = jdbc.sql("""
                UPDATE one_time_code SET code_hash = ?, sent_at = ?, expires_at = ?, tries = 0, window_start = ?,
                    sends_in_window = ?
                WHERE phone_key = ? AND sent_at = ?
                """).params(codeHash, now, now + validMillis, newDay ? now : r.windowStart(), sends + 1, phoneKey, r.sentAt())
                .update();
        return n == 1 ? Optional.empty() : Optional.of(new Refusal(Math.max(1, pauseMillis / 1000), false));
    }

    /** Takes back a code the provider did not deliver: no pause, and it does not count for the day. */
    void revoke(String phoneKey, String codeHash) {
        jdbc.sql("""
                UPDATE one_time_code SET sent_at = 0, expires_at = 0, sends_in_window = sends_in_window - 1
                WHERE phone_key = ? AND code_hash = ?
                """).params(phoneKey, codeHash).update();
    }

    /**
     * Whether the code is the phone's current one, unexpired, with tries left. A try is taken first (one statement,
     * so racing guesses cannot exceed the limit) and given back when the code was right.
     */
    boolean check(String phoneKey, String codeHash, long now, int maxTries) {
        int taken = jdbc.sql("UPDATE one_time_code SET tries = tries + 1 WHERE phone_key = ? AND tries < ? AND expires_at > ?")
                .params(phoneKey, maxTries, now).update();
        if (taken == 0) {
            return false;
        }
        boolean right = find(phoneKey).map(r -> MessageDigest.isEqual(r.codeHash().getBytes(StandardCharsets.US_ASCII),
                codeHash.getBytes(StandardCharsets.US_ASCII))).orElse(false);
        if (right) {
            jdbc.sql("UPDATE one_time_code SET tries = tries - 1 WHERE phone_key = ? AND tries > 0").param(phoneKey).update();
        }
        return right;
    }

    private Optional<Row> find(String phoneKey) {
        return jdbc.sql("SELECT * FROM one_time_code WHERE phone_key = ?").param(phoneKey)
                .query((rs, i) -> new Row(rs.getString("code_hash"), rs.getLong("sent_at"), rs.getLong("expires_at"),
                        rs.getInt("tries"), rs.getLong("window_start"), rs.getInt("sends_in_window")))
                .optional();
    }
}
