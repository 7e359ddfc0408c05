package org.baiti;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import org.baiti.ops.ContestMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Group commit: many small writes from many request threads in one durable transaction. Callers hand a write to
 * {@link #write}; one writer thread takes everything queued (up to {@code baiti.group-commit.max-batch}), runs it in
 * one transaction, commits — with SQLite's {@code synchronous=FULL} or PostgreSQL's defaults, the commit is on disk
 * when it returns — and only then answers each caller. While one batch commits the next one queues up, so under load
 * one fsync serves hundreds of requests, and when idle a write waits for nothing but its own commit.
 *
 * <p>If a batch fails, it is rolled back as a whole and every write in it is run again alone, in its own
 * transaction: one bad write fails only its own caller. Writes must therefore do nothing but database work that can
 * be run again from the start. Called inside a transaction, a write simply runs in it (no grouping).
 *
 * <p>{@code baiti.group-commit.enabled=false} runs each write in its caller's thread in a transaction of its own
 * (what the benchmarks compare with).
 */
@Component
@EnableConfigurationProperties(GroupCommitSettings.class)
public class GroupCommit implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);

    /** A kind of write that can be done for many items at once, in the current transaction. */
    public interface Writes<I, O> {

        /** Writes the items in the order given; answers one result per item, in the same order. */
        List<O> writeAll(List<I> items);
    }

    /** Thrown to a caller whose write was not answered in time; the write may still be committed later. */
    public static class TimedOut extends RuntimeException {
        TimedOut(String message) {
            super(message);
        }
    }

    private record Pending<I, O>(Writes<I, O> kind, I item, CompletableFuture<O> done, long queuedAt) {
    }

    private final TransactionTemplate tx;
    private final boolean enabled;
    private final int maxBatch;
    private final long timeoutMillis;
    private final BlockingQueue<Pending<?, ?>> queue = new LinkedBlockingQueue<>();
    private final Thread writer;
    private final AtomicLong writes = new AtomicLong();
    private final AtomicLong batches = new AtomicLong();
    private final AtomicLong retried = new AtomicLong();
    private volatile boolean stopping;
    private final ContestMetrics metrics;

    GroupCommit(PlatformTransactionManager transactions, GroupCommitSettings settings, ContestMetrics metrics) {
        this.metrics = metrics;
        metrics.groupCommitQueue(queue::size);
        this.tx = new TransactionTemplate(transactions);
        this.enabled = settings.enabled();
        this.maxBatch = Math.max(1, settings.maxBatch());
        this.timeoutMillis = TimeUnit.SECONDS.toMillis(settings.timeoutSeconds());
        this.writer = new Thread(this::run, "group-commit");
        this.writer.setDaemon(true);
        if (enabled) {
            this.writer.start();
        }
    }

    /**
     * Writes the item with the others queued now and answers once their transaction is committed.
     *
     * @return what {@link Writes#writeAll} answered for this item
     * @throws RuntimeException the exception of this write (run alone) when it failed; {@link TimedOut} when it
     *                          was not answered within {@code baiti.group-commit.timeout-seconds}
     */
    public <I, O> O write(Writes<I, O> kind, I item) {
        if (!enabled || stopping || Thread.currentThread() == writer
                || TransactionSynchronizationManager.isActualTransactionActive()) {
            return alone(kind, item); // inside a transaction: part of it, as a plain write would be
        }
        CompletableFuture<O> done = new CompletableFuture<>();
        Pending<I, O> pending = new Pending<>(kind, item, done, System.nanoTime());
        queue.add(pending);
        if (stopping && !writer.isAlive() && queue.remove(pending)) {
            return alone(kind, item); // the writer stopped while this was being queued
        }
        try {
            return done.get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new TimedOut("no commit within " + timeoutMillis + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the commit", e);
        }
    }

    private <I, O> O alone(Writes<I, O> kind, I item) {
        List<O> out = tx.execute(s -> kind.writeAll(List.of(item)));
        if (out == null || out.size() != 1) {
            throw new IllegalStateException(kind + " answered " + out + " for one item");
        }
        return out.get(0);
    }

    private void run() {
        List<Pending<?, ?>> batch = new ArrayList<>(maxBatch);
        while (true) {
            try {
                Pending<?, ?> first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    if (stopping && queue.isEmpty()) {
                        return;
                    }
                    continue;
                }
                batch.clear();
                batch.add(first);
                queue.drainTo(batch, maxBatch - 1);
                metrics.groupCommitBatch(batch.size(), System.nanoTime() - first.queuedAt());
                commit(batch);
            } catch (InterruptedException e) {
                if (stopping && queue.isEmpty()) {
                    return;
                }
            } catch (Throwable t) { // never let the writer die: fail the batch, keep serving
                log.error("group commit failed", t);
                for (Pending<?, ?> p : batch) {
                    p.done().completeExceptionally(t);
                }
            }
        }
    }

    /** Runs the batch in one transaction; on failure, each write again on its own. */
    private void commit(List<Pending<?, ?>> batch) {
        Map<Pending<?, ?>, Object> results;
        try {
            results = tx.execute(s -> writeAll(batch));
        } catch (RuntimeException | Error e) {
            if (batch.size() == 1) {
                batch.get(0).done().completeExceptionally(e);
                return;
            }
            retried.addAndGet(batch.size());
            metrics.groupCommitRetried(batch.size());
            for (Pending<?, ?> p : batch) {
                commit(List.of(p));
            }
            return;
        }
        writes.addAndGet(batch.size());
        batches.incrementAndGet();
        for (Pending<?, ?> p : batch) {
            complete(p, results.get(p));
        }
    }

    @SuppressWarnings("unchecked")
    private static <O> void complete(Pending<?, O> p, Object result) {
        p.done().complete((O) result);
    }

    /** Groups the batch by kind of write (keeping the order within a kind) and writes each group at once. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Map<Pending<?, ?>, Object> writeAll(List<Pending<?, ?>> batch) {
        Map<Writes<?, ?>, List<Pending<?, ?>>> byKind = new LinkedHashMap<>();
        for (Pending<?, ?> p : batch) {
            byKind.computeIfAbsent(p.kind(), k -> new ArrayList<>()).add(p);
        }
        Map<Pending<?, ?>, Object> results = new java.util.IdentityHashMap<>();
        for (Map.Entry<Writes<?, ?>, List<Pending<?, ?>>> e : byKind.entrySet()) {
            List<Object> items = new ArrayList<>(e.getValue().size());
            for (Pending<?, ?> p : e.getValue()) {
                items.add(p.item());
            }
            List<?> out = ((Writes) e.getKey()).writeAll(items);
            if (out == null || out.size() != items.size()) {
                throw new IllegalStateException(e.getKey() + " answered " + (out == null ? null : out.size())
                        + " results for " + items.size() + " items");
            }
            for (int i = 0; i < items.size(); i++) {
                results.put(e.getValue().get(i), out.get(i));
            }
        }
        return results;
    }

    /** Writes waiting for the writer thread. */
    int queued() {
        return queue.size();
    }

    /** Writes so far, transactions they took, and writes that were run again alone after a batch failed. */
    public long[] stats() {
        return new long[] {writes.get(), batches.get(), retried.get()};
    }

    @Override
    public void destroy() throws InterruptedException {
        stopping = true;
        if (writer.isAlive()) {
            writer.join(TimeUnit.SECONDS.toMillis(30));
        }
        long w = writes.get();
        long b = batches.get();
        if (w > 0) {
            log.info("group commit: {} writes in {} transactions ({} per transaction), {} run again alone",
                    w, b, String.format(java.util.Locale.ROOT, "%.1f", (double) w / Math.max(1, b)), retried.get());
        }
    }
}
