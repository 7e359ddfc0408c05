package org.baiti.privacy;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcContestPrivacies implements ContestPrivacies {

    private final JdbcClient jdbc;

    JdbcContestPrivacies(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<PrivacySettings> find(long contestId) {
        return jdbc.sql("SELECT * FROM contest_privacy WHERE contest_id = ?").param(contestId)
                .query(JdbcContestPrivacies::row).optional();
    }

    @Override
    public void save(PrivacySettings s) {
        jdbc.sql("""
                INSERT INTO contest_privacy (contest_id, notice, retention_days, consent_required, purged_at)
                VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (contest_id) DO UPDATE SET notice = excluded.notice,
                    retention_days = excluded.retention_days, consent_required = excluded.consent_required
                """)
                .params(s.contestId(), s.notice(), s.retentionDays(), s.consentRequired() ? 1 : 0,
                        s.purgedAt() == null ? null : s.purgedAt().toEpochMilli())
                .update();
    }

    @Override
    public void markPurged(long contestId, Instant at) {
        jdbc.sql("""
                INSERT INTO contest_privacy (contest_id, notice, retention_days, consent_required, purged_at)
                VALUES (?, NULL, ?, 0, ?)
                ON CONFLICT (contest_id) DO UPDATE SET purged_at = excluded.purged_at
                """)
                .params(contestId, PrivacySettings.DEFAULT_RETENTION_DAYS, at.toEpochMilli())
                .update();
    }

    private static PrivacySettings row(ResultSet rs, int n) throws SQLException {
        long purged = rs.getLong("purged_at");
        Instant purgedAt = rs.wasNull() ? null : Instant.ofEpochMilli(purged);
        return new PrivacySettings(rs.getLong("contest_id"), rs.getString("notice"), rs.getInt("retention_days"),
                rs.getInt("consent_required") != 0, purgedAt);
    }
}
