package org.baiti.ranking;

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
 * V55 on a database that already has a ranking (an upgrade during a contest): the counts per tenth of a second start
 * from the entries already ranked, so the rank of the next submission is right at once. Real Flyway, both databases.
 */
class DecisecondCountMigrationTest implements UpgradeCheck {

    @Override
    public void check(String url) throws SQLException {
        try (Connection c = UpgradeCheck.before(url, "54", 1, 2)) {
            // contest, accuracy, time used: the tenths 0 (0 and 99 ms), 1 (100 ms), 19 and 20 (1,999 and 2,000 ms)
            Object[][] entries = {
                {1L, 1.0, 0L}, {1L, 1.0, 99L}, {1L, 1.0, 100L}, {1L, 1.0, 1_999L}, {1L, 1.0, 2_000L},
                {1L, 0.5, 99L}, {2L, 1.0, 50L},
            };
            int n = 0;
            for (Object[] e : entries) {
                try (PreparedStatement ps = c.prepareStatement("""
                        INSERT INTO ranking_entry (contest_id, phone, attempt_id, name, unit_code, top_code, accuracy,
                            duration_ms, submitted_at)
                        VALUES (?, ?, ?, 'n', 'U', 'U', ?, ?, 0)
                        """)) {
                    ps.setLong(1, (Long) e[0]);
                    ps.setString(2, "1390000000" + n);
                    ps.setString(3, "a" + n++);
                    ps.setDouble(4, (Double) e[1]);
                    ps.setLong(5, (Long) e[2]);
                    ps.executeUpdate();
                }
            }
        }
        UpgradeCheck.upgrade(url);
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection(url);
             ResultSet rs = c.createStatement().executeQuery("""
                     SELECT contest_id, accuracy, duration_ds, entries FROM ranking_count_by_decisecond
                     ORDER BY contest_id, accuracy DESC, duration_ds""")) {
            while (rs.next()) {
                counts.put(rs.getLong(1) + " " + rs.getDouble(2) + " " + rs.getLong(3), rs.getLong(4));
            }
        }
        assertThat(counts).containsExactly(Map.entry("1 1.0 0", 2L), Map.entry("1 1.0 1", 1L),
                Map.entry("1 1.0 19", 1L), Map.entry("1 1.0 20", 1L), Map.entry("1 0.5 0", 1L),
                Map.entry("2 1.0 0", 1L));
    }
}
