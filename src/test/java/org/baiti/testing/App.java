package org.baiti.testing;

import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;

/** What a test contract needs from the running application, whichever database it is on. */
public interface App {

    String ADMIN_PASSWORD = "test-admin-password";

    Api api();

    String database();

    /** The running application's context. */
    ApplicationContext context();

    /** The application's clock, in a test class that imports {@link TestClock.Config}. */
    default TestClock clock() {
        return bean(TestClock.class);
    }

    /** A bean of the running application: what a contract needs, without a twin accessor in each database's class. */
    default <T> T bean(Class<T> type) {
        return context().getBean(type);
    }

    /**
     * The JDBC URL of the running application's database (of its main pool on SQLite), for a connection of a test's
     * own or for the command line.
     */
    default String jdbcUrl() {
        try {
            javax.sql.DataSource ds = bean(javax.sql.DataSource.class);
            return ds.isWrapperFor(com.zaxxer.hikari.HikariDataSource.class)
                    ? ds.unwrap(com.zaxxer.hikari.HikariDataSource.class).getJdbcUrl()
                    : ds.unwrap(org.apache.commons.dbcp2.BasicDataSource.class).getUrl();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static void common(DynamicPropertyRegistry r) {
        r.add("BAITI_ADMIN_PASSWORD", () -> ADMIN_PASSWORD);
        r.add("baiti.demo", () -> "false");
        // The whole suite talks from 127.0.0.1 and floods on purpose: the participant rate limits would throttle it.
        // They are switched off here (0 = no limit) and tested on their own (online.CrowdLimitsSqliteTest,
        // online.SharedLimitsPostgresTest). Only wrong resume codes per phone stay limited (online.DraftsAndResumeContract).
        for (String limit : new String[] {"address-starts-per-minute", "address-submits-per-minute",
                "address-codes-per-minute", "address-failures-per-minute", "attempt-requests-per-minute"}) {
            r.add("baiti.rate-limit." + limit, () -> "0");
        }
    }
}
