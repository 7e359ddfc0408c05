package org.baiti.offline;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PipelineTest {

    @Test
    void everyItemArrivesInOrderOnTheCallingThread() {
        List<Integer> got = new ArrayList<>();
        Thread caller = Thread.currentThread();
        List<Thread> producers = new ArrayList<>();
        Pipeline.<Integer>run("test-producer", sink -> {
            producers.add(Thread.currentThread());
            for (int i = 0; i < 10_000; i++) {
                sink.accept(i);
            }
        }, i -> {
            assertThat(Thread.currentThread()).isSameAs(caller);
            got.add(i);
        });
        assertThat(got).hasSize(10_000);
        for (int i = 0; i < got.size(); i++) {
            assertThat(got.get(i)).isEqualTo(i);
        }
        assertThat(producers.get(0)).isNotSameAs(caller);
        assertThat(producers.get(0).isAlive()).isFalse();
    }

    @Test
    void nothingToHandOverIsFine() {
        AtomicInteger consumed = new AtomicInteger();
        Pipeline.<Integer>run("test-producer", sink -> { }, i -> consumed.incrementAndGet());
        assertThat(consumed).hasValue(0);
    }

    @Test
    void theProducersExceptionArrivesAfterTheItemsBeforeIt() {
        List<Integer> got = new ArrayList<>();
        IllegalArgumentException bad = new IllegalArgumentException("row 3 is bad");
        assertThatThrownBy(() -> Pipeline.<Integer>run("test-producer", sink -> {
            sink.accept(1);
            sink.accept(2);
            throw bad;
        }, got::add)).isSameAs(bad);
        assertThat(got).containsExactly(1, 2);
    }

    @Test
    void theConsumersExceptionStopsTheProducerWhichIsNotLeftWaiting() {
        AtomicInteger produced = new AtomicInteger();
        List<Thread> producers = new ArrayList<>();
        IllegalStateException stop = new IllegalStateException("conflict");
        assertThatThrownBy(() -> Pipeline.<Integer>run("test-producer", sink -> {
            producers.add(Thread.currentThread());
            for (int i = 0; i < 1_000_000; i++) {
                sink.accept(i);
                produced.incrementAndGet();
            }
        }, i -> {
            if (i == 5) {
                throw stop;
            }
        })).isSameAs(stop);
        assertThat(producers.get(0).isAlive()).as("joined before returning").isFalse();
        assertThat(produced.get()).as("bounded queue: the producer ran only a few items ahead")
                .isLessThanOrEqualTo(5 + Pipeline.CAPACITY + 2);
    }
}
