package org.baiti.security;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcAccounts implements Accounts {

    private final JdbcClient jdbc;

    JdbcAccounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Account> find(String username) {
        // Names are unique without case (V56): "Admin" finds the account "admin".
        return jdbc.sql("SELECT * FROM account WHERE lower(username) = lower(?)").param(username)
                .query(JdbcAccounts::row).optional();
    }

    @Override
    public List<Account> all() {
        return jdbc.sql("SELECT * FROM account ORDER BY username").query(JdbcAccounts::row).list();
    }

    @Override
    public boolean anyWithRole(Role role) {
        return jdbc.sql("SELECT COUNT(*) FROM account WHERE role = ?").param(role.name()).query(Long.class).single() > 0;
    }

    @Override
    public long countEnabled(Role role) {
        return jdbc.sql("SELECT COUNT(*) FROM account WHERE role = ? AND enabled = 1").param(role.name())
                .query(Long.class).single();
    }

    @Override
    public void insert(Account a) {
        jdbc.sql("""
                INSERT INTO account (username, password_hash, role, display_name, unit_contest, unit_code, enabled, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """).params(a.username(), a.passwordHash(), a.role().name(), a.displayName(), a.unitContest(),
                a.unitCode(), a.enabled() ? 1 : 0, a.createdAt().toEpochMilli()).update();
    }

    @Override
    public void update(Account a) {
        jdbc.sql("""
                UPDATE account SET password_hash = ?, role = ?, display_name = ?, unit_contest = ?, unit_code = ?,
                    enabled = ?
                WHERE username = ?
                """).params(a.passwordHash(), a.role().name(), a.displayName(), a.unitContest(), a.unitCode(),
                a.enabled() ? 1 : 0, a.username()).update();
    }

    @Override
    public boolean delete(String username) {
        return jdbc.sql("DELETE FROM account WHERE username = ?").param(username).update() == 1;
    }

    private static Account row(ResultSet rs, int n) throws SQLException {
        long contest = rs.getLong("unit_contest");
        Long unitContest = rs.wasNull() ? null : contest;
        return new Account(rs.getString("username"), rs.getString("password_hash"), Role.valueOf(rs.getString("role")),
                rs.getString("display_name"), rs.getInt("enabled") != 0, Instant.ofEpochMilli(rs.getLong("created_at")),
                unitContest, rs.getString("unit_code"));
    }
}
