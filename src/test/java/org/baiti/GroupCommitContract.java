package org.baiti;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.baiti.testing.App;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Group commit on a real database: writes queued together share one transaction, each caller is answered only
 * once its rows are committed, and one failing write fails only its own caller.
 */
interface GroupCommitContract extends App {

    default GroupCommit groupCommit() {
        return bean(GroupCommit.class);
    }

    default JdbcTemplate jdbc() {
        return bean(JdbcTemplate.class);
    }

    default DataSource dataSource() {
        return bean(DataSource.class);
    }

    default TransactionTemplate tx() {
        return bean(TransactionTemplate.class);
    }

    /** Inserts the keys of one item (all or none), answers how many rows it wrote. */
    record Keys(List<String> keys) {
    }

    private GroupCommit.Writes<Keys, Integer> inserts() {
        return items -> {
            List<Integer> out = new ArrayList<>();
            for (Keys k : items) {
                for (String key : k.keys()) {
                    jdbc().update("INSERT INTO gc_probe (k) VALUES (?)", key);
                }
                out.add(k.keys().size());
            }
            return out;
        };
    }

    @BeforeEach
    default void probeTable() {
        jdbc().execute("CREATE TABLE IF NOT EXISTS gc_probe (k TEXT PRIMARY KEY)");
    }

    /** Whether a new connection (not one of the application's pool) sees the key. */
    private boolean committed(String key) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbcUrl());
             PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM gc_probe WHERE k = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1) == 1;
            }
        }
    }

    /**
     * Holds the writer thread in a write of its own until {@code n} more writes are queued behind it, so that those
     * n are taken as one batch.
     */
    private <T> List<Future<T>> queuedTogether(ExecutorService pool, int n, java.util.function.IntFunction<java.util.concurrent.Callable<T>> task)
            throws Exception {
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        GroupCommit.Writes<String, Boolean> hold = items -> {
            holding.countDown();
            try {
                assertThat(release.await(60, TimeUnit.SECONDS)).isTrue();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return items.stream().map(i -> true).toList();
        };
        Future<Boolean> holder = pool.submit(() -> groupCommit().write(hold, "hold"));
        assertThat(holding.await(60, TimeUnit.SECONDS)).isTrue();
        List<Future<T>> futures = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            futures.add(pool.submit(task.apply(i)));
        }
        while (groupCommit().queued() < n) {
            Thread.onSpinWait();
        }
        release.countDown();
        assertThat(holder.get()).isTrue();
        return futures;
    }

    @Test
    default void writesQueuedTogetherShareOneTransactionAndEachIsAnsweredOnlyOnceCommitted() throws Exception {
        long[] before = groupCommit().stats();
        ExecutorService pool = Executors.newFixedThreadPool(40);
        try {
            List<Future<Boolean>> futures = queuedTogether(pool, 32, i -> () -> {
                String key = "together-" + i;
                int written = groupCommit().write(inserts(), new Keys(List.of(key)));
                // answered: the row must already be visible to anyone
                return written == 1 && committed(key);
            });
            for (Future<Boolean> f : futures) {
                assertThat(f.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
        long[] after = groupCommit().stats();
        assertThat(after[0] - before[0]).as("writes").isEqualTo(33);
        assertThat(after[1] - before[1]).as("transactions: the holding write, then the 32 at once").isEqualTo(2);
    }

    @Test
    default void oneFailingWriteInABatchFailsOnlyItsCallerAndLeavesNothingOfItself() throws Exception {
        jdbc().update("INSERT INTO gc_probe (k) VALUES (?)", "taken");
        ExecutorService pool = Executors.newFixedThreadPool(20);
        List<Future<Integer>> futures;
        try {
            futures = queuedTogether(pool, 10, i -> () -> groupCommit().write(inserts(),
                    // write 5 first inserts a new key and then one that exists: it must leave neither
                    new Keys(i == 5 ? List.of("half-done", "taken") : List.of("batch-" + i))));
            for (int i = 0; i < 10; i++) {
                if (i == 5) {
                    Future<Integer> failing = futures.get(i);
                    assertThatThrownBy(failing::get).hasCauseInstanceOf(DataAccessException.class);
                } else {
                    assertThat(futures.get(i).get()).isEqualTo(1);
                    assertThat(committed("batch-" + i)).isTrue();
                }
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(committed("half-done")).isFalse();
    }

    @Test
    default void aWriteInsideACallersTransactionIsPartOfIt() throws Exception {
        assertThatThrownBy(() -> tx().executeWithoutResult(s -> {
            groupCommit().write(inserts(), new Keys(List.of("inside")));
            throw new IllegalStateException("the caller fails after the write");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(committed("inside")).isFalse();
        assertThat(groupCommit().write(inserts(), new Keys(List.of("outside")))).isEqualTo(1);
        assertThat(committed("outside")).isTrue();
    }
}
