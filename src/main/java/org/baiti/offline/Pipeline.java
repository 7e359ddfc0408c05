package org.baiti.offline;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import org.springframework.core.task.TaskExecutor;

/**
 * Two stages of a long read on two threads (an offline import, a draw's pool): a producer (reading and checking the
 * file, or querying the database) on a thread of the {@link TaskExecutor} hands items (chunks of rows) to the consumer
 * on the calling thread through a small bounded queue, so the heap stays bounded whatever the size, the two stages
 * share the two cores, and the caller's transaction stays on the caller's thread.
 *
 * <p>An exception of the producer is rethrown on the calling thread after the items before it were consumed;
 * an exception of the consumer stops the producer (at its next item, waited for) and propagates unchanged.
 */
final class Pipeline {

    /** Items in flight at most, besides the one each thread holds. */
    static final int CAPACITY = 4;

    private static final Object END = new Object();
    private static final long POLL_MS = 50;

    private Pipeline() {
    }

    /** Thrown inside the producer when the consumer has given up. */
    private static final class Stopped extends RuntimeException {
        Stopped() {
            super(null, null, false, false);
        }
    }

    /**
     * Runs {@code producer} on a thread of {@code executor}, giving each item it emits to {@code consumer} on this
     * thread, in order; returns when the producer has finished and every item was consumed.
     */
    @SuppressWarnings("unchecked")
    static <T> void run(TaskExecutor executor, Consumer<Consumer<T>> producer, Consumer<T> consumer) {
        BlockingQueue<Object> queue = new ArrayBlockingQueue<>(CAPACITY);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicBoolean stopped = new AtomicBoolean();
        CountDownLatch ended = new CountDownLatch(1);
        executor.execute(() -> {
            try {
                producer.accept(item -> put(queue, item, stopped));
                put(queue, END, stopped);
            } catch (Stopped e) {
                // the consumer has given up
            } catch (Throwable e) {
                failure.set(e);
                try {
                    put(queue, END, stopped);
                } catch (Stopped ignored) {
                    // the consumer has given up
                }
            } finally {
                ended.countDown();
            }
        });
        boolean finished = false;
        try {
            while (true) {
                Object item = queue.take();
                if (item == END) {
                    break;
                }
                consumer.accept((T) item);
            }
            finished = true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } finally {
            if (!finished) {
                stopped.set(true);
            }
            awaitUninterruptibly(ended);
        }
        Throwable e = failure.get();
        if (e instanceof RuntimeException r) {
            throw r;
        }
        if (e instanceof Error err) {
            throw err;
        }
        if (e != null) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits for room in the queue, giving up when the consumer has stopped (no interrupt: the thread is pooled). */
    private static void put(BlockingQueue<Object> queue, Object item, AtomicBoolean stopped) {
        try {
            while (!queue.offer(item, POLL_MS, TimeUnit.MILLISECONDS)) {
                if (stopped.get()) {
                    throw new Stopped();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Stopped();
        }
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        boolean interrupted = false;
        while (true) {
            try {
                latch.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
