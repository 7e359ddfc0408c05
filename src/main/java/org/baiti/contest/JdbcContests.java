package org.baiti.contest;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.baiti.Dialect;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcContests implements Contests {

    private final JdbcClient jdbc;
    private final String shareLock;

    JdbcContests(JdbcClient jdbc, Dialect dialect) {
        this.jdbc = jdbc;
        this.shareLock = dialect == Dialect.POSTGRESQL ? " FOR SHARE" : "";
    }

    @Override
    public void insert(Contest c) {
        jdbc.sql("""
                INSERT INTO contest (id, name, questions_per_paper, time_limit_seconds, opens_at, closes_at,
                    online_quota, draw_quota, org_quota, paper_mode, attempts_allowed, partial_credit,
                    w_rate, w_accuracy, w_attention, frozen_at, created_at, address_starts_per_minute,
                    address_submits_per_minute, address_codes_per_minute, address_failures_per_minute)
                VALUES (:id, :name, :qpp, :tls, :opens, :closes, :oq, :dq, :gq, :mode, :attempts, :partial,
                    :wr, :wa, :wt, :frozen, :created, :a_starts, :a_submits, :a_codes, :a_failures)
                """)
                .paramSource(params(c))
                .update();
    }

    @Override
    public void update(Contest c) {
        jdbc.sql("""
                UPDATE contest SET name = :name, questions_per_paper = :qpp, time_limit_seconds = :tls,
                    opens_at = :opens, closes_at = :closes, online_quota = :oq, draw_quota = :dq, org_quota = :gq,
                    paper_mode = :mode, attempts_allowed = :attempts, partial_credit = :partial,
                    w_rate = :wr, w_accuracy = :wa, w_attention = :wt, address_starts_per_minute = :a_starts,
                    address_submits_per_minute = :a_submits, address_codes_per_minute = :a_codes,
                    address_failures_per_minute = :a_failures
                WHERE id = :id
                """)
                .paramSource(params(c))
                .update();
    }

    private static java.util.Map<String, Object> params(Contest c) {
        var m = new java.util.HashMap<String, Object>();
        m.put("id", c.id());
        m.put("name", c.name());
        m.put("qpp", c.questionsPerPaper());
        m.put("tls", c.timeLimitSeconds());
        m.put("opens", c.opensAt().toEpochMilli());
        m.put("closes", c.closesAt().toEpochMilli());
        m.put("oq", c.onlineQuota());
        m.put("dq", c.drawQuota());
        m.put("gq", c.orgQuota());
        m.put("mode", c.paperMode().name());
        m.put("attempts", c.attemptsAllowed());
        m.put("partial", c.partialCredit() ? 1 : 0);
        m.put("wr", c.weightRate());
        m.put("wa", c.weightAccuracy());
        m.put("wt", c.weightAttention());
        m.put("frozen", c.frozenAt() == null ? null : c.frozenAt().toEpochMilli());
        m.put("created", c.createdAt().toEpochMilli());
        m.put("a_starts", c.addressStartsPerMinute());
        m.put("a_submits", c.addressSubmitsPerMinute());
        m.put("a_codes", c.addressCodesPerMinute());
        m.put("a_failures", c.addressFailuresPerMinute());
        return m;
    }

    @Override
    public Optional<Contest> find(long id) {
        return jdbc.sql("SELECT * FROM contest WHERE id = :id").param("id", id).query(JdbcContests::row).optional();
    }

    @Override
    public List<Contest> all() {
        return jdbc.sql("SELECT * FROM contest ORDER BY created_at DESC").query(JdbcContests::row).list();
    }

    @Override
    public boolean freeze(long id, Instant at) {
        return jdbc.sql("UPDATE contest SET frozen_at = :at WHERE id = :id AND frozen_at IS NULL")
                .param("at", at.toEpochMilli()).param("id", id).update() == 1;
    }

    @Override
    public Set<Long> frozenForWrite(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        // A freeze (UPDATE of the row) waits for the writes that took this lock first; those after it see frozen_at.
        Set<Long> frozen = new HashSet<>();
        jdbc.sql("SELECT id, frozen_at FROM contest WHERE id IN (:ids)" + shareLock).param("ids", Set.copyOf(ids))
                .query(rs -> {
                    rs.getLong("frozen_at");
                    if (!rs.wasNull()) {
                        frozen.add(rs.getLong("id"));
                    }
                });
        return frozen;
    }

    @Override
    public boolean rosterRequired(long id) {
        return jdbc.sql("SELECT roster_required FROM contest WHERE id = :id").param("id", id).query(Integer.class)
                .optional().map(v -> v != 0).orElse(false);
    }

    @Override
    public void setRosterRequired(long id, boolean required) {
        jdbc.sql("UPDATE contest SET roster_required = :r WHERE id = :id").param("r", required ? 1 : 0).param("id", id)
                .update();
    }

    @Override
    public boolean delete(long id) {
        return jdbc.sql("DELETE FROM contest WHERE id = :id").param("id", id).update() == 1;
    }

    private static Contest row(ResultSet rs, int n) throws SQLException {
        long frozen = rs.getLong("frozen_at");
        Instant frozenAt = rs.wasNull() ? null : Instant.ofEpochMilli(frozen);
        return new Contest(
                rs.getLong("id"),
                rs.getString("name"),
                rs.getInt("questions_per_paper"),
                rs.getInt("time_limit_seconds"),
                Instant.ofEpochMilli(rs.getLong("opens_at")),
                Instant.ofEpochMilli(rs.getLong("closes_at")),
                rs.getInt("online_quota"),
                rs.getInt("draw_quota"),
                rs.getInt("org_quota"),
                Contest.PaperMode.valueOf(rs.getString("paper_mode")),
                rs.getInt("attempts_allowed"),
                rs.getInt("partial_credit") != 0,
                rs.getDouble("w_rate"),
                rs.getDouble("w_accuracy"),
                rs.getDouble("w_attention"),
                frozenAt,
                Instant.ofEpochMilli(rs.getLong("created_at")),
                nullableInt(rs, "address_starts_per_minute"),
                nullableInt(rs, "address_submits_per_minute"),
                nullableInt(rs, "address_codes_per_minute"),
                nullableInt(rs, "address_failures_per_minute"));
    }

    private static Integer nullableInt(ResultSet rs, String column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }
}
