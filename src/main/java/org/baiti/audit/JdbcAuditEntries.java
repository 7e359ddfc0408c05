package org.baiti.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import javax.sql.DataSource;

import org.baiti.Dialect;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcAuditEntries implements AuditEntries {

    private final JdbcClient jdbc;
    private final JdbcTemplate streaming;
    private final Dialect dialect;

    JdbcAuditEntries(JdbcClient jdbc, DataSource dataSource, Dialect dialect) {
        this.jdbc = jdbc;
        this.streaming = new JdbcTemplate(dataSource);
        this.streaming.setFetchSize(1000);
        this.dialect = dialect;
    }

    @Override
    public void lockForAppend() {
        if (dialect == Dialect.POSTGRESQL) {
            // Readers (ACCESS SHARE) still go through; a second appender waits until this transaction ends.
            jdbc.sql("LOCK TABLE audit_entry IN EXCLUSIVE MODE").update();
        }
    }

    @Override
    public Optional<AuditChain.Entry> last() {
        return jdbc.sql("SELECT * FROM audit_entry ORDER BY seq DESC LIMIT 1").query(JdbcAuditEntries::row).optional();
    }

    @Override
    public void insert(AuditChain.Entry e) {
        jdbc.sql("""
                INSERT INTO audit_entry (seq, at, actor, action, contest_id, subject, detail, prev_hash, hash)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """).params(e.seq(), e.at(), e.actor(), e.action(), e.contestId(), e.subject(), e.detail(), e.prevHash(),
                e.hash()).update();
    }

    @Override
    public List<AuditChain.Entry> page(Long contestId, String action, int offset, int limit) {
        StringBuilder sql = new StringBuilder("SELECT * FROM audit_entry WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        filter(sql, params, contestId, action);
        sql.append(" ORDER BY seq DESC LIMIT ? OFFSET ?");
        params.add(limit);
        params.add(offset);
        return jdbc.sql(sql.toString()).params(params).query(JdbcAuditEntries::row).list();
    }

    @Override
    public long count(Long contestId, String action) {
        StringBuilder sql = new StringBuilder("SELECT COUNT(*) FROM audit_entry WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        filter(sql, params, contestId, action);
        return jdbc.sql(sql.toString()).params(params).query(Long.class).single();
    }

    @Override
    public void walk(Predicate<AuditChain.Entry> consumer) {
        try {
            streaming.query("SELECT * FROM audit_entry ORDER BY seq", rs -> {
                if (!consumer.test(row(rs, 0))) {
                    throw new Stop();
                }
            });
        } catch (Stop done) {
            // the consumer has seen enough
        }
    }

    private static void filter(StringBuilder sql, List<Object> params, Long contestId, String action) {
        if (contestId != null) {
            sql.append(" AND contest_id = ?");
            params.add(contestId);
        }
        if (action != null && !action.isBlank()) {
            sql.append(" AND action = ?");
            params.add(action);
        }
    }

    private static AuditChain.Entry row(ResultSet rs, int n) throws SQLException {
        long contest = rs.getLong("contest_id");
        Long contestId = rs.wasNull() ? null : contest;
        return new AuditChain.Entry(rs.getLong("seq"), rs.getLong("at"), rs.getString("actor"), rs.getString("action"),
                contestId, nz(rs.getString("subject")), nz(rs.getString("detail")), rs.getString("prev_hash"),
                rs.getString("hash"));
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    /** Ends a walk early. */
    private static final class Stop extends RuntimeException {
        Stop() {
            super(null, null, false, false);
        }
    }
}
