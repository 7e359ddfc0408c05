package org.baiti.offline;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Two stages of an import on two threads: a producer (reading the file) on a thread of its own hands items
 * (batches of rows) to the consumer on the calling thread through a small bounded queue, so the heap stays
 * bounded whatever the file's size, and the caller's transaction stays on the caller's thread.
 *
 * <p>An exception of the producer is rethrown on the calling thread after the items before it were consumed;
 * an exception of the consumer stops the producer (interrupted, waited for) and propagates unchanged.
 */
final class Pipeline {

    /** Items in flight at most, besides the one each thread holds. */
    static final int CAPACITY = 4;

    private static final Object END = new Object();

    private Pipeline() {
    }

    /** Thrown inside the producer when the consumer has given up. */
    private static final class Stopped extends RuntimeException {
        Stopped() {
            super(null, null, false, false);
        }
    }

    /**
     * Runs {@code producer} on a new thread named {@code name}, giving each item it emits to {@code consumer} on
     * this thread, in order; returns when the producer has finished and every item was consumed.
     */
    @SuppressWarnings("unchecked")
    static <T> void run(String name, Consumer<Consumer<T>> producer, Consumer<T> consumer) {
        BlockingQueue<Object> queue = new ArrayBlockingQueue<>(CAPACITY);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread thread = new Thread(() -> {
            try {
                producer.accept(item -> put(queue, item));
            } catch (Stopped e) {
                return;
            } catch (Throwable e) {
                failure.set(e);
            }
            try {
                queue.put(END);
            } catch (InterruptedException e) {
                // the consumer has given up; nobody waits for the end
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
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
                thread.interrupt();
            }
            joinUninterruptibly(thread);
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

    private static void put(BlockingQueue<Object> queue, Object item) {
        try {
            queue.put(item);
        } catch (InterruptedException e) {
            throw new Stopped();
        }
    }

    private static void joinUninterruptibly(Thread thread) {
        boolean interrupted = false;
        while (true) {
            try {
                thread.join();
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
