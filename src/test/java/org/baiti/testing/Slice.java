package org.baiti.testing;

import org.baiti.Dialect;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * What a repository test needs, whichever database it is on: a JDBC slice ({@link SqliteSlice}, {@link PostgresSlice}).
 * The slice is the database with the application's Flyway migrations, {@code JdbcClient}, {@code JdbcTemplate},
 * transactions and a {@link TestClock}; no web server, no security, no other feature. A test class names the beans
 * it checks with {@code @Import(...)} (a repository and, where the check is about it, the service that owns the
 * transaction). Twins as for {@link App}: a {@code *Contract} interface extends this, and a {@code *SqliteTest} and a
 * {@code *PostgresTest} extend the two bases.
 *
 * <p>Each test class has a context of its own (its imports differ), so the bases close it after the class and keep
 * two connections: the cached contexts of a long run would otherwise hold PostgreSQL's connections.
 */
public interface Slice {

    String database();

    ApplicationContext context();

    default <T> T bean(Class<T> type) {
        return context().getBean(type);
    }

    default JdbcClient jdbc() {
        return bean(JdbcClient.class);
    }

    default TestClock clock() {
        return bean(TestClock.class);
    }

    /** Two connections are enough for a repository test (and the JDBC URL names the database). */
    static void pool(DynamicPropertyRegistry r) {
        r.add("spring.datasource.hikari.maximum-pool-size", () -> "2");
        r.add("spring.datasource.hikari.minimum-idle", () -> "1");
    }

    /**
     * The slice's context: the database and its JDBC beans, by Spring Boot's own auto-configurations. Not a
     * {@code @Configuration}, so that the whole application's component scan (which sees the test classes) leaves it
     * out, as {@link TestClock.Config}.
     */
    @ImportAutoConfiguration({DataSourceAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class,
            TransactionAutoConfiguration.class, JdbcTemplateAutoConfiguration.class, JdbcClientAutoConfiguration.class,
            FlywayAutoConfiguration.class})
    @Import(TestClock.Config.class)
    class Database {

        @Bean
        Dialect dialect(DataSourceProperties properties) {
            return Dialect.of(properties.getUrl());
        }
    }
}
