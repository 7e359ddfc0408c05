package org.baiti.offline;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PipelineTest {

    /** A pool of one thread: a producer left running would keep the next test's producer from starting. */
    private final ThreadPoolTaskExecutor executor = executor();

    private static ThreadPoolTaskExecutor executor() {
        ThreadPoolTaskExecutor e = new ThreadPoolTaskExecutor();
        e.setCorePoolSize(1);
        e.setMaxPoolSize(1);
        e.setThreadNamePrefix("pipeline-test-");
        e.initialize();
        return e;
    }

    @AfterEach
    void stop() {
        executor.shutdown();
    }

    @Test
    void everyItemArrivesInOrderOnTheCallingThread() {
        List<Integer> got = new ArrayList<>();
        Thread caller = Thread.currentThread();
        List<Thread> producers = new ArrayList<>();
        AtomicBoolean ended = new AtomicBoolean();
        Pipeline.<Integer>run(executor, sink -> {
            producers.add(Thread.currentThread());
            for (int i = 0; i < 10_000; i++) {
                sink.accept(i);
            }
            ended.set(true);
        }, i -> {
            assertThat(Thread.currentThread()).isSameAs(caller);
            got.add(i);
        });
        assertThat(got).hasSize(10_000);
        for (int i = 0; i < got.size(); i++) {
            assertThat(got.get(i)).isEqualTo(i);
        }
        assertThat(producers.get(0)).isNotSameAs(caller);
        assertThat(producers.get(0).getName()).startsWith("pipeline-test-");
        assertThat(ended).isTrue();
    }

    @Test
    void nothingToHandOverIsFine() {
        AtomicInteger consumed = new AtomicInteger();
        Pipeline.<Integer>run(executor, sink -> { }, i -> consumed.incrementAndGet());
        assertThat(consumed).hasValue(0);
    }

    @Test
    void theProducersExceptionArrivesAfterTheItemsBeforeIt() {
        List<Integer> got = new ArrayList<>();
        IllegalArgumentException bad = new IllegalArgumentException("row 3 is bad");
        assertThatThrownBy(() -> Pipeline.<Integer>run(executor, sink -> {
            sink.accept(1);
            sink.accept(2);
            throw bad;
        }, got::add)).isSameAs(bad);
        assertThat(got).containsExactly(1, 2);
    }

    @Test
    void theConsumersExceptionStopsTheProducerWhichHasEndedWhenItReturns() {
        AtomicInteger produced = new AtomicInteger();
        AtomicBoolean producing = new AtomicBoolean();
        IllegalStateException stop = new IllegalStateException("conflict");
        assertThatThrownBy(() -> Pipeline.<Integer>run(executor, sink -> {
            producing.set(true);
            try {
                for (int i = 0; i < 1_000_000; i++) {
                    sink.accept(i);
                    produced.incrementAndGet();
                }
            } finally {
                producing.set(false);
            }
        }, i -> {
            if (i == 5) {
                throw stop;
            }
        })).isSameAs(stop);
        assertThat(producing).as("the producer has ended before run returned").isFalse();
        assertThat(produced.get()).as("bounded queue: the producer ran only a few items ahead")
                .isLessThanOrEqualTo(5 + Pipeline.CAPACITY + 2);
        // and the pool's one thread is free again
        List<Integer> next = new ArrayList<>();
        Pipeline.<Integer>run(executor, sink -> sink.accept(7), next::add);
        assertThat(next).containsExactly(7);
    }
}
