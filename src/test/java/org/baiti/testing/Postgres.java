package org.baiti.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * The PostgreSQL server the tests use ({@code BAITI_TEST_POSTGRES_URL}, default the local one).
 * When it is unreachable the PostgreSQL tests are skipped with a message, unless
 * {@code BAITI_REQUIRE_POSTGRES=true} (set by {@code .ci/run}), in which case they fail.
 */
public final class Postgres {

    public static final String BASE_URL = env("BAITI_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");

    private static Boolean reachable;

    private Postgres() {
    }

    public static boolean required() {
        return "true".equalsIgnoreCase(env("BAITI_REQUIRE_POSTGRES", "false"));
    }

    public static synchronized boolean reachable() {
        if (reachable == null) {
            try (Connection c = DriverManager.getConnection(BASE_URL)) {
                reachable = c.isValid(5);
            } catch (SQLException e) {
                reachable = false;
                System.err.println("PostgreSQL is not reachable at " + BASE_URL + " (" + e.getMessage()
                        + "); PostgreSQL tests are skipped. Set BAITI_REQUIRE_POSTGRES=true to make them fail instead.");
            }
        }
        return reachable;
    }

    /** A new empty schema, and a JDBC URL that works in it. */
    public static String freshSchemaUrl() {
        String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
        try (Connection c = DriverManager.getConnection(BASE_URL); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create a test schema on " + BASE_URL, e);
        }
        return BASE_URL + (BASE_URL.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
