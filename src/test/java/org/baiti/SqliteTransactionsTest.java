package org.baiti;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.baiti.testing.SqliteApp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * On SQLite a read-only transaction reads beside the writer (it takes no lock), while a read-write transaction
 * still takes the write lock when it begins, so that two writers never deadlock.
 */
class SqliteTransactionsTest extends SqliteApp {

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @BeforeEach
    void table() {
        jdbc.execute("CREATE TABLE IF NOT EXISTS tx_probe (k TEXT PRIMARY KEY)");
    }

    private int rows(String key) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM tx_probe WHERE k = ?", Integer.class, key);
    }

    /** A write on a connection of its own that does not wait for locks: it fails at once if the database is locked. */
    private int writeWithoutWaiting(String key) throws Exception {
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            Future<Integer> f = other.submit(() -> {
                try (Connection c = DriverManager.getConnection(((HikariDataSource) dataSource).getJdbcUrl());
                     Statement s = c.createStatement()) {
                    s.execute("PRAGMA busy_timeout = 0");
                    return s.executeUpdate("INSERT INTO tx_probe (k) VALUES ('" + key + "')");
                }
            });
            return f.get();
        } finally {
            other.shutdownNow();
        }
    }

    @Test
    void aWriterIsNotHeldUpByAnOpenReadOnlyTransaction() {
        TransactionTemplate readOnly = new TransactionTemplate(transactions);
        readOnly.setReadOnly(true);
        Integer written = readOnly.execute(s -> {
            assertThat(rows("during-read")).as("the read has begun").isZero();
            int w;
            try {
                w = writeWithoutWaiting("during-read");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            assertThat(rows("during-read")).as("the read transaction still reads the snapshot it began with").isZero();
            return w;
        });
        assertThat(written).isEqualTo(1);
        assertThat(rows("during-read")).as("the write is there once the read has ended").isEqualTo(1);
    }

    @Test
    void aReadWriteTransactionTakesTheWriteLockWhenItBegins() {
        TransactionTemplate readWrite = new TransactionTemplate(transactions);
        readWrite.executeWithoutResult(s -> {
            jdbc.queryForObject("SELECT COUNT(*) FROM tx_probe", Integer.class);
            assertThatThrownBy(() -> writeWithoutWaiting("during-write"))
                    .hasRootCauseInstanceOf(SQLException.class).rootCause().hasMessageContaining("SQLITE_BUSY");
        });
        // and afterwards the lock is free again
        try {
            assertThat(writeWithoutWaiting("after")).isEqualTo(1);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
