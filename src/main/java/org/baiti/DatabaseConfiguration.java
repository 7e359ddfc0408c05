package org.baiti;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.apache.commons.dbcp2.BasicDataSource;
import org.apache.commons.dbcp2.PoolableConnection;
import org.apache.commons.dbcp2.PoolableConnectionFactory;
import org.apache.commons.pool2.impl.AbandonedConfig;
import org.apache.commons.pool2.impl.GenericObjectPool;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import org.baiti.settings.SiteSettings;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.boot.jdbc.metadata.DataSourcePoolMetadataProvider;
import org.springframework.boot.jdbc.metrics.DataSourcePoolMetrics;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy;

/**
 * Chooses the database: SQLite in the data folder unless {@code spring.datasource.url} names another one.
 *
 * <p>PostgreSQL: one Hikari pool (pgJDBC keeps server-side prepared statements itself). SQLite: two DBCP2 pools of
 * the same file, each keeping its connections' prepared statements, since sqlite-jdbc compiles the SQL again at every
 * {@code prepareStatement}. Transactions on the main pool begin {@code IMMEDIATE} (they take the write lock at once, so
 * two writers never deadlock); {@code @Transactional(readOnly = true)} goes to a second pool whose transactions begin
 * {@code DEFERRED}, which in WAL mode reads a snapshot beside the writer. docs/performance.md says why.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({DatabaseSettings.class, DataSourceProperties.class})
class DatabaseConfiguration {

    /** Kept per SQLite connection, least recently used dropped first: more than the application's distinct SQL. */
    static final int STATEMENTS_PER_CONNECTION = 200;

    @Bean
    Dialect dialect(DataSource dataSource) throws java.sql.SQLException {
        return dataSource instanceof SqlitePools ? Dialect.SQLITE
                : Dialect.of(dataSource.unwrap(HikariDataSource.class).getJdbcUrl());
    }

    /** Named so that Boot's {@code jdbc_connections_*} meters say {@code name="baiti"} (it drops "DataSource"). */
    @Bean(name = "baitiDataSource", destroyMethod = "close")
    DataSource dataSource(DataSourceProperties spring, SiteSettings site, DatabaseSettings settings) {
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
            return hikari(jdbcUrl, settings.poolSize(), spring);
        }
        // One writer at a time anyway; a few connections let reads run beside it (WAL).
        int size = Math.min(settings.poolSize(), 8);
        return new SqlitePools(sqlite(jdbcUrl, size, spring),
                sqlite(jdbcUrl.replace("transaction_mode=IMMEDIATE", "transaction_mode=DEFERRED"), size, spring));
    }

    /**
     * Boot's pool meters ({@code jdbc_connections_*}) cover the {@code DataSource} bean, which is the main pool on
     * SQLite; the read pool is not a bean, so it is bound here as {@code name="baiti-read"}.
     */
    @Bean
    MeterBinder readPoolMeters(DataSource dataSource, ObjectProvider<DataSourcePoolMetadataProvider> metadata) {
        return registry -> {
            if (dataSource instanceof SqlitePools pools) {
                new DataSourcePoolMetrics(pools.reads, metadata.orderedStream().toList(), "baiti-read", List.of())
                        .bindTo(registry);
            }
        };
    }

    private static HikariDataSource hikari(String jdbcUrl, int size, DataSourceProperties spring) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        if (spring.getUsername() != null && !spring.getUsername().isBlank()) {
            config.setUsername(spring.getUsername());
        }
        if (spring.getPassword() != null && !spring.getPassword().isBlank()) {
            config.setPassword(spring.getPassword());
        }
        config.setPoolName("baiti");
        config.setMaximumPoolSize(size);
        return new HikariDataSource(config);
    }

    /**
     * A SQLite pool that keeps each connection's prepared statements. A statement goes back to its connection's pool
     * when closed: DBCP2 then closes the result sets it handed out (sqlite-jdbc resets the statement, so no read
     * snapshot stays open) and clears its parameters. Waiting requests get connections in the order they asked
     * ({@link FairPool}). The rest as the Hikari pools had it: {@code size} connections, kept once opened, a request
     * waits up to 30 s for one, each lives at most 30 min.
     */
    private static BasicDataSource sqlite(String jdbcUrl, int size, DataSourceProperties spring) {
        BasicDataSource pool = new FairPool();
        pool.setUrl(jdbcUrl);
        if (spring.getUsername() != null && !spring.getUsername().isBlank()) {
            pool.setUsername(spring.getUsername());
        }
        if (spring.getPassword() != null && !spring.getPassword().isBlank()) {
            pool.setPassword(spring.getPassword());
        }
        pool.setMaxTotal(size);
        pool.setMaxIdle(size);
        pool.setMaxWait(Duration.ofSeconds(30));
        pool.setMaxConn(Duration.ofMinutes(30));
        pool.setLogExpiredConnections(false);
        // sqlite-jdbc's isValid compiles "select 1" every time; a connection to a local file does not go stale
        pool.setTestOnBorrow(false);
        pool.setPoolPreparedStatements(true);
        pool.setMaxOpenPreparedStatements(STATEMENTS_PER_CONNECTION);
        return pool;
    }

    /**
     * DBCP2's pool with a fair hand-over: a connection given back goes to the request that has waited longest, instead
     * of to whichever thread takes the pool's lock first. Under a crowd (hundreds of requests for eight connections)
     * the unfair pool wakes waiters that then find nothing; fair, the durable submits and starts on SQLite took 30–40 %
     * less server CPU per request and ran 15–25 % more of them (BENCHMARKS.md, "Issue #18, tenth step").
     */
    private static final class FairPool extends BasicDataSource {

        @Override
        protected GenericObjectPool<PoolableConnection> createObjectPool(PoolableConnectionFactory factory,
                GenericObjectPoolConfig<PoolableConnection> config, AbandonedConfig abandoned) {
            config.setFairness(true);
            return super.createObjectPool(factory, config, abandoned);
        }
    }

    /** SQLite's two pools: read-only transactions on {@code reads}, everything else on {@code writes}. */
    static final class SqlitePools extends LazyConnectionDataSourceProxy implements AutoCloseable {

        final BasicDataSource writes;
        final BasicDataSource reads;

        SqlitePools(BasicDataSource writes, BasicDataSource reads) {
            super(writes);
            setReadOnlyDataSource(reads);
            this.writes = writes;
            this.reads = reads;
        }

        @Override
        public void close() throws java.sql.SQLException {
            reads.close();
            writes.close();
        }
    }
}
