package org.baiti;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.micrometer.core.instrument.MeterRegistry;
import org.baiti.settings.SiteSettings;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy;

/**
 * Chooses the database: SQLite in the data folder unless {@code spring.datasource.url} names another one.
 *
 * <p>PostgreSQL: one pool. SQLite: two pools of the same file. Transactions on the main pool begin {@code IMMEDIATE}
 * (they take the write lock at once, so two writers never deadlock); {@code @Transactional(readOnly = true)} goes to
 * a second pool whose transactions begin {@code DEFERRED}, which in WAL mode reads a snapshot beside the writer.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({DatabaseSettings.class, DataSourceProperties.class})
class DatabaseConfiguration {

    @Bean
    Dialect dialect(DataSource dataSource) throws java.sql.SQLException {
        return Dialect.of(dataSource.unwrap(HikariDataSource.class).getJdbcUrl());
    }

    @Bean(destroyMethod = "close")
    DataSource dataSource(DataSourceProperties spring, SiteSettings site, DatabaseSettings settings,
            ObjectProvider<MeterRegistry> meters) {
        String jdbcUrl = spring.getUrl();
        if (jdbcUrl == null || jdbcUrl.isBlank()) {
            Path dir = site.dataPath();
            try {
                Files.createDirectories(dir);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot create data folder 无法创建数据目录 " + dir, e);
            }
            jdbcUrl = "jdbc:sqlite:" + dir.resolve("baiti.db") + "?" + Dialect.SQLITE_SETTINGS;
        } else if (jdbcUrl.startsWith("jdbc:sqlite:") && !jdbcUrl.contains("?")) {
            jdbcUrl = jdbcUrl + "?" + Dialect.SQLITE_SETTINGS;
        }
        if (Dialect.of(jdbcUrl) == Dialect.POSTGRESQL) {
            return pool(jdbcUrl, "baiti", settings.poolSize(), spring);
        }
        // One writer at a time anyway; a few connections let reads run beside it (WAL).
        int size = Math.min(settings.poolSize(), 8);
        HikariDataSource writes = pool(jdbcUrl, "baiti", size, spring);
        HikariDataSource reads = pool(jdbcUrl.replace("transaction_mode=IMMEDIATE", "transaction_mode=DEFERRED"),
                "baiti-read", size, spring);
        // Boot's pool metrics find the main pool behind the proxy; the read pool is not a bean, so it is told here
        meters.ifAvailable(registry -> reads.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(registry)));
        return new SqlitePools(writes, reads);
    }

    private static HikariDataSource pool(String jdbcUrl, String name, int size, DataSourceProperties spring) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        if (spring.getUsername() != null && !spring.getUsername().isBlank()) {
            config.setUsername(spring.getUsername());
        }
        if (spring.getPassword() != null && !spring.getPassword().isBlank()) {
            config.setPassword(spring.getPassword());
        }
        config.setPoolName(name);
        config.setMaximumPoolSize(size);
        return new HikariDataSource(config);
    }

    /** SQLite's two pools: read-only transactions on {@code reads}, everything else on {@code writes}. */
    static final class SqlitePools extends LazyConnectionDataSourceProxy implements AutoCloseable {

        private final HikariDataSource writes;
        private final HikariDataSource reads;

        SqlitePools(HikariDataSource writes, HikariDataSource reads) {
            super(writes);
            setReadOnlyDataSource(reads);
            this.writes = writes;
            this.reads = reads;
        }

        @Override
        public void close() {
            reads.close();
            writes.close();
        }
    }
}
