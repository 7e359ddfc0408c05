package org.baiti.anticheat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.baiti.testing.UpgradeCheck;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * V54 and V62 on a database that already has attempts (an upgrade during a contest): the count per address (V54) and
 * per address and top-level unit (V62, which replaces it) starts from the attempts already stored, so the
 * many-attempts signal goes on where it was. Real Flyway, both databases.
 */
class AddressCountMigrationTest implements UpgradeCheck {

    @Override
    public void check(String url) throws SQLException {
        try (Connection c = UpgradeCheck.before(url, "53", 1, 2)) {
            Map<String, Object[]> attempts = new LinkedHashMap<>();
            attempts.put("a1", new Object[] {1L, "10.0.0.1"});
            attempts.put("a2", new Object[] {1L, "10.0.0.1"});
            attempts.put("a3", new Object[] {1L, "10.0.0.2"});
            attempts.put("a4", new Object[] {2L, "10.0.0.1"});
            attempts.put("a5", new Object[] {2L, null});
            int n = 0;
            for (Map.Entry<String, Object[]> a : attempts.entrySet()) {
                try (PreparedStatement ps = c.prepareStatement("""
                        INSERT INTO attempt (id, contest_id, phone, name, unit_code, top_code, attempt_no, token_hash,
                            paper, issued_at, expires_at, client_ip)
                        VALUES (?, ?, ?, 'n', 'U', 'U', 1, 'h', '{}', 0, 0, ?)
                        """)) {
                    ps.setString(1, a.getKey());
                    ps.setLong(2, (Long) a.getValue()[0]);
                    ps.setString(3, "1390000000" + n++);
                    ps.setString(4, (String) a.getValue()[1]);
                    ps.executeUpdate();
                }
            }
        }
        UpgradeCheck.upgrade(url);
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection(url);
             ResultSet rs = c.createStatement().executeQuery(
                     "SELECT contest_id, client_ip, attempts FROM attempt_address_unit_count WHERE top_code = 'U' ORDER BY contest_id, client_ip")) {
            while (rs.next()) {
                counts.put(rs.getLong(1) + " " + rs.getString(2), rs.getLong(3));
            }
        }
        assertThat(counts).containsExactly(Map.entry("1 10.0.0.1", 2L), Map.entry("1 10.0.0.2", 1L),
                Map.entry("2 10.0.0.1", 1L));
    }
}
