package org.baiti;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionSynchronizationUtils;

import static org.assertj.core.api.Assertions.assertThat;

/** The copies a node keeps in memory: kept, bypassed inside transactions, and never old after a change answered. */
class NodeCacheTest {

    /** The "database": one value per key, and how often it was read. */
    private final AtomicReference<String> stored = new AtomicReference<>("old");
    private final AtomicInteger reads = new AtomicInteger();

    private String read(Object key) {
        reads.incrementAndGet();
        return stored.get();
    }

    @AfterEach
    void endTransaction() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.clearSynchronization();
        }
        TransactionSynchronizationManager.setActualTransactionActive(false);
    }

    @Test
    void aCopyIsKeptAndZeroKeepsNothing() {
        NodeCache<Long, String> kept = NodeCache.keptFor(Duration.ofMinutes(1), 10);
        kept.get(1L, this::read);
        stored.set("behind its back");
        assertThat(kept.get(1L, this::read)).isEqualTo("old");
        assertThat(reads).hasValue(1);

        NodeCache<Long, String> none = NodeCache.keptFor(Duration.ZERO, 10);
        assertThat(none.get(1L, this::read)).isEqualTo("behind its back");
        stored.set("again");
        assertThat(none.get(1L, this::read)).isEqualTo("again");
        assertThat(reads).hasValue(3);
    }

    @Test
    void insideATransactionTheDatabaseIsReadAndNothingKept() {
        NodeCache<Long, String> kept = NodeCache.keptFor(Duration.ofMinutes(1), 10);
        beginTransaction();
        stored.set("uncommitted");
        assertThat(kept.get(1L, this::read)).isEqualTo("uncommitted");
        assertThat(kept.get(1L, this::read)).isEqualTo("uncommitted");
        assertThat(reads).hasValue(2);
        endTransaction();
        stored.set("committed");
        assertThat(kept.get(1L, this::read)).isEqualTo("committed");
    }

    @Test
    void forgettingAGroupMakesItsCopiesOldAndNoOther() {
        record Page(long contest, int offset) {
        }
        NodeCache<Page, String> pages = NodeCache.keptFor(Duration.ofMinutes(1), 10, Page::contest);
        pages.get(new Page(1, 0), this::read);
        pages.get(new Page(1, 100), this::read);
        pages.get(new Page(2, 0), this::read);
        stored.set("new");
        pages.forget(1L);
        assertThat(pages.get(new Page(1, 0), this::read)).isEqualTo("new");
        assertThat(pages.get(new Page(1, 100), this::read)).isEqualTo("new");
        assertThat(pages.get(new Page(2, 0), this::read)).isEqualTo("old");
    }

    /**
     * The race: a change forgets the copy and writes; before it commits, a read on another thread reads the old row;
     * that read puts its copy only after the transaction has ended. The copy must not be used afterwards.
     */
    @Test
    void aReadBetweenTheChangeAndTheCommitIsNeverUsedAfterTheChangeEnded() throws Exception {
        NodeCache<Long, String> kept = NodeCache.keptFor(Duration.ofMinutes(1), 10);
        kept.get(1L, this::read);

        beginTransaction();
        kept.forget(1L); // the change, not yet committed: the database still holds "old" for everyone else
        CountDownLatch readTheOldRow = new CountDownLatch(1);
        CountDownLatch committed = new CountDownLatch(1);
        CompletableFuture<String> racing = CompletableFuture.supplyAsync(() -> kept.get(1L, key -> {
            String row = read(key);
            readTheOldRow.countDown();
            await(committed); // puts its copy after the transaction ended
            return row;
        }));
        assertThat(readTheOldRow.await(5, TimeUnit.SECONDS)).isTrue();
        stored.set("new"); // the commit
        TransactionSynchronizationUtils.invokeAfterCompletion(TransactionSynchronizationManager.getSynchronizations(),
                TransactionSynchronization.STATUS_COMMITTED);
        endTransaction();
        committed.countDown();
        assertThat(racing.get(5, TimeUnit.SECONDS)).isEqualTo("old");

        assertThat(kept.get(1L, this::read)).as("after the change answered").isEqualTo("new");
    }

    private static void beginTransaction() {
        TransactionSynchronizationManager.initSynchronization();
        TransactionSynchronizationManager.setActualTransactionActive(true);
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(5, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
