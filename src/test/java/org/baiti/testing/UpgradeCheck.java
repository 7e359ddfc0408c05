package org.baiti.testing;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A migration run on a database that already has data (an upgrade during a contest), on SQLite and on PostgreSQL
 * with real Flyway: {@link #check} migrates to the version before, writes rows, migrates the rest and looks.
 */
public interface UpgradeCheck {

    void check(String url) throws SQLException;

    @Test
    default void onSqlite(@TempDir Path dir) throws SQLException {
        check("jdbc:sqlite:" + dir.resolve("upgrade.db"));
    }

    @Test
    @EnabledIfPostgres
    default void onPostgres() throws SQLException {
        check(Postgres.freshSchemaUrl());
    }

    /** Migrates up to {@code version} and opens a connection with the given contests in it. */
    static Connection before(String url, String version, long... contests) throws SQLException {
        Flyway.configure().dataSource(url, null, null).locations(locations(url)).target(version).load().migrate();
        Connection c = DriverManager.getConnection(url);
        for (long contest : contests) {
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO contest (id, name, questions_per_paper, time_limit_seconds, opens_at, closes_at,
                        online_quota, draw_quota, org_quota, paper_mode, attempts_allowed, partial_credit,
                        w_rate, w_accuracy, w_attention, created_at)
                    VALUES (?, 'c', 5, 600, 0, 1, 1, 1, 1, 'FIXED', 1, 0, 0.4, 0.4, 0.2, 0)
                    """)) {
                ps.setLong(1, contest);
                ps.executeUpdate();
            }
        }
        return c;
    }

    /** Migrates the rest. */
    static void upgrade(String url) {
        Flyway.configure().dataSource(url, null, null).locations(locations(url)).load().migrate();
    }

    /** The application's locations ({@code spring.flyway.locations}) for the database of the URL. */
    private static String[] locations(String url) {
        return new String[] {"classpath:db/migration/common",
                "classpath:db/migration/" + (url.startsWith("jdbc:sqlite:") ? "sqlite" : "postgresql")};
    }
}
