package org.baiti.ranking;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.baiti.testing.UpgradeCheck;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * V96 on a database that already has a ranking (an upgrade during a contest): the counts per minute (V53) and per
 * tenth of a second (V55) go, the counts "my rank" reads (V50) stay as they were. Real Flyway, both databases.
 */
class RankingCountMigrationTest implements UpgradeCheck {

    @Override
    public void check(String url) throws SQLException {
        try (Connection c = UpgradeCheck.before(url, "95", 1); Statement s = c.createStatement()) {
            s.executeUpdate("""
                    INSERT INTO ranking_entry (contest_id, phone, attempt_id, name, unit_code, top_code, accuracy,
                        duration_ms, submitted_at)
                    VALUES (1, '13900000001', 'a1', 'n', 'U', 'U', 1.0, 1500, 0),
                           (1, '13900000002', 'a2', 'n', 'U', 'U', 0.5, 61000, 0)""");
            s.executeUpdate("INSERT INTO ranking_count_by_accuracy VALUES (1, 1.0, 1), (1, 0.5, 1)");
            s.executeUpdate("INSERT INTO ranking_count_by_second VALUES (1, 1.0, 1, 1), (1, 0.5, 61, 1)");
            s.executeUpdate("INSERT INTO ranking_count_by_minute VALUES (1, 1.0, 0, 1), (1, 0.5, 1, 1)");
            s.executeUpdate("INSERT INTO ranking_count_by_decisecond VALUES (1, 1.0, 15, 1), (1, 0.5, 610, 1)");
            assertThat(tables(c)).contains("ranking_count_by_minute", "ranking_count_by_decisecond");
        }
        UpgradeCheck.upgrade(url);
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            assertThat(tables(c)).contains("ranking_entry", "ranking_count_by_accuracy", "ranking_count_by_second")
                    .doesNotContain("ranking_count_by_minute", "ranking_count_by_decisecond");
            List<String> counts = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("""
                    SELECT a.accuracy, a.entries, s.duration_s, s.entries FROM ranking_count_by_accuracy a
                    JOIN ranking_count_by_second s ON s.contest_id = a.contest_id AND s.accuracy = a.accuracy
                    ORDER BY a.accuracy DESC""")) {
                while (rs.next()) {
                    counts.add(rs.getDouble(1) + " " + rs.getLong(2) + " " + rs.getLong(3) + " " + rs.getLong(4));
                }
            }
            assertThat(counts).containsExactly("1.0 1 1 1", "0.5 1 61 1");
        }
    }

    private static List<String> tables(Connection c) throws SQLException {
        List<String> out = new ArrayList<>();
        try (ResultSet rs = c.getMetaData().getTables(null, c.getSchema(), "ranking%", new String[] {"TABLE"})) {
            while (rs.next()) {
                out.add(rs.getString("TABLE_NAME"));
            }
        }
        return out;
    }
}
