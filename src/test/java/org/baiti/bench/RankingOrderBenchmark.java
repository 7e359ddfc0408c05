package org.baiti.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.baiti.ranking.RankingOrder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The ranking comparison (SPEC §4, {@link RankingOrder}): one comparison of two keys that tie on accuracy (the common
 * case at the top of a ranking), and sorting 100,000 counted attempts. Not a test: run with bench/jmh.sh.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RankingOrderBenchmark {

    RankingOrder.Key[] pairs;
    List<RankingOrder.Key> keys;
    int next;

    @Setup
    public void setUp() {
        Random random = new Random(4);
        keys = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            double accuracy = random.nextInt(10) == 0 ? 1.0 : random.nextInt(21) / 20.0;
            keys.add(new RankingOrder.Key(accuracy, 60_000 + random.nextInt(1_140_000),
                    1_767_225_600_000L + random.nextInt(3_600_000), String.format("139%08d", i)));
        }
        pairs = new RankingOrder.Key[1024];
        for (int i = 0; i < pairs.length; i++) {
            pairs[i] = new RankingOrder.Key(1.0, 300_000 + random.nextInt(1000), 1_767_225_600_000L + random.nextInt(10),
                    String.format("139%08d", random.nextInt(100_000_000)));
        }
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public int compareTwoKeys() {
        int i = next++ & (pairs.length - 1);
        return RankingOrder.INSTANCE.compare(pairs[i], pairs[(i + 1) & (pairs.length - 1)]);
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public List<RankingOrder.Key> sortHundredThousand() {
        List<RankingOrder.Key> copy = new ArrayList<>(keys);
        copy.sort(RankingOrder.INSTANCE);
        return copy;
    }
}
