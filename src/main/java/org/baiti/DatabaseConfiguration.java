package org.baiti;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.baiti.settings.SiteSettings;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Chooses the database: SQLite in the data folder unless {@code spring.datasource.url} names another one.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({DatabaseSettings.class, DataSourceProperties.class})
class DatabaseConfiguration {

    /** SQLite settings: WAL, fsync on every commit, wait instead of failing when the file is busy. */
    static final String SQLITE_PARAMS =
            "journal_mode=WAL&synchronous=FULL&busy_timeout=30000&foreign_keys=true&transaction_mode=IMMEDIATE";

    @Bean
    Dialect dialect(DataSource dataSource) {
        return Dialect.of(((HikariDataSource) dataSource).getJdbcUrl());
    }

    @Bean(destroyMethod = "close")
    DataSource dataSource(DataSourceProperties spring, SiteSettings site, DatabaseSettings settings) {
        HikariConfig config = new HikariConfig();
        String jdbcUrl = spring.getUrl();
        String user = spring.getUsername();
        String password = spring.getPassword();
        int poolSize = settings.poolSize();
        if (jdbcUrl == null || jdbcUrl.isBlank()) {
            Path dir = site.dataPath();
            try {
                Files.createDirectories(dir);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot create data folder 无法创建数据目录 " + dir, e);
            }
            jdbcUrl = "jdbc:sqlite:" + dir.resolve("baiti.db") + "?" + SQLITE_PARAMS;
        } else if (jdbcUrl.startsWith("jdbc:sqlite:") && !jdbcUrl.contains("?")) {
            jdbcUrl = jdbcUrl + "?" + SQLITE_PARAMS;
        }
        config.setJdbcUrl(jdbcUrl);
        if (Dialect.of(jdbcUrl) == Dialect.SQLITE) {
            // read-only transactions as read transactions, not under the write lock (see SqliteConnections)
            config.setDataSource(new SqliteConnections(jdbcUrl));
        }
        if (user != null && !user.isBlank()) {
            config.setUsername(user);
        }
        if (password != null && !password.isBlank()) {
            config.setPassword(password);
        }
        config.setPoolName("baiti");
        if (Dialect.of(jdbcUrl) == Dialect.SQLITE) {
            // One writer at a time anyway; a few connections let reads run beside it (WAL).
            config.setMaximumPoolSize(Math.min(poolSize, 8));
        } else {
            config.setMaximumPoolSize(poolSize);
        }
        return new HikariDataSource(config);
    }
}
