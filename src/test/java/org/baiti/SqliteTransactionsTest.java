package org.baiti;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import org.baiti.testing.SqliteApp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * On SQLite a read-only transaction reads beside the writer (it goes to the read pool, whose transactions begin
 * DEFERRED and take no lock), while a read-write transaction takes the write lock when it begins (IMMEDIATE), so that
 * two writers never deadlock.
 */
class SqliteTransactionsTest extends SqliteApp {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    MeterRegistry meters;

    private final ExecutorService others = Executors.newCachedThreadPool();

    @BeforeEach
    void table() {
        jdbc.execute("CREATE TABLE IF NOT EXISTS tx_probe (k TEXT PRIMARY KEY)");
    }

    @AfterEach
    void stop() {
        others.shutdownNow();
    }

    private int rows(String key) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM tx_probe WHERE k = ?", Integer.class, key);
    }

    private void insert(String key) {
        jdbc.update("INSERT INTO tx_probe (k) VALUES (?)", key);
    }

    private TransactionTemplate readOnly() {
        TransactionTemplate t = new TransactionTemplate(transactions);
        t.setReadOnly(true);
        return t;
    }

    /** A write on a connection of its own that does not wait for locks: it fails at once if the database is locked. */
    private int writeWithoutWaiting(String key) throws Exception {
        Future<Integer> f = others.submit(() -> {
            try (Connection c = DriverManager.getConnection(jdbcUrl()); Statement s = c.createStatement()) {
                s.execute("PRAGMA busy_timeout = 0");
                return s.executeUpdate("INSERT INTO tx_probe (k) VALUES ('" + key + "')");
            }
        });
        return f.get();
    }

    @Test
    void aWriterIsNotHeldUpByAnOpenReadOnlyTransaction() {
        Integer written = readOnly().execute(s -> {
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
    void aReadOnlyTransactionReadsWhileAWriteTransactionHoldsTheWriteLock() throws Exception {
        CountDownLatch written = new CountDownLatch(1);
        CountDownLatch readDone = new CountDownLatch(1);
        Future<?> writer = others.submit(() -> new TransactionTemplate(transactions).executeWithoutResult(s -> {
            insert("held");
            written.countDown();
            try {
                readDone.await(60, TimeUnit.SECONDS); // the bound only keeps a broken build from hanging
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        assertThat(written.await(60, TimeUnit.SECONDS)).isTrue();
        // under the old single pool this read began IMMEDIATE, waited for the lock and failed with SQLITE_BUSY
        Integer seen = readOnly().execute(s -> rows("held"));
        readDone.countDown();
        writer.get();
        assertThat(seen).as("the uncommitted row is not seen, and the read did not wait for it").isZero();
        assertThat(rows("held")).isEqualTo(1);
    }

    @Test
    void aReadWriteTransactionTakesTheWriteLockWhenItBegins() throws Exception {
        new TransactionTemplate(transactions).executeWithoutResult(s -> {
            jdbc.queryForObject("SELECT COUNT(*) FROM tx_probe", Integer.class);
            assertThatThrownBy(() -> writeWithoutWaiting("during-write"))
                    .hasRootCauseInstanceOf(SQLException.class).rootCause().hasMessageContaining("SQLITE_BUSY");
        });
        assertThat(writeWithoutWaiting("after")).as("and afterwards the lock is free again").isEqualTo(1);
    }

    /**
     * Two writers that both read before they write: with transactions that began DEFERRED the second would read a
     * snapshot, then fail with SQLITE_BUSY_SNAPSHOT when it writes after the first committed. IMMEDIATE makes it wait
     * for the first at its beginning, and then it reads what the first wrote.
     */
    @Test
    void twoWritersThatReadFirstNeverDeadlock() throws Exception {
        CountDownLatch firstHasRead = new CountDownLatch(1);
        CountDownLatch secondHasRead = new CountDownLatch(1);
        Future<Integer> first = others.submit(() -> new TransactionTemplate(transactions).execute(s -> {
            int before = rows("first");
            firstHasRead.countDown();
            try {
                // DEFERRED: the second reads now. IMMEDIATE: it waits at its beginning; this wait runs out, no assertion
                secondHasRead.await(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            insert("first");
            return before;
        }));
        assertThat(firstHasRead.await(60, TimeUnit.SECONDS)).isTrue();
        Future<Integer> second = others.submit(() -> new TransactionTemplate(transactions).execute(s -> {
            int seen = rows("first");
            secondHasRead.countDown();
            insert("second");
            return seen;
        }));
        assertThat(first.get()).isZero();
        assertThat(second.get()).as("the second began after the first had committed").isEqualTo(1);
        assertThat(rows("first") + rows("second")).isEqualTo(2);
    }

    @Test
    void bothPoolsHaveMetricsAndTheirSize() {
        // baiti.db.pool-size is 16 by default; SQLite caps each pool at 8
        for (String pool : new String[] {"baiti", "baiti-read"}) {
            assertThat(meters.find("jdbc.connections.max").tag("name", pool).gauge()).as(pool).isNotNull()
                    .extracting(g -> g.value()).isEqualTo(8.0);
            assertThat(meters.find("jdbc.connections.active").tag("name", pool).gauge()).as(pool).isNotNull();
        }
    }
}
