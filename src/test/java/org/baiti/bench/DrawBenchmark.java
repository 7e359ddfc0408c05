package org.baiti.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.baiti.draw.AlgorithmRun;
import org.baiti.draw.DrawAlgorithm;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The draw algorithm {@code baiti-draw-v1} (SPEC §5) on a pool of 1,000,000 keys (tickets in random order, as a
 * database hands them over), 140 winners: the whole draw (sort by UTF-8 bytes, pool digest, seed digest,
 * selection), and its parts. Not a test: run with bench/jmh.sh (BENCHMARKS.md).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
public class DrawBenchmark {

    @Param({"1000000"})
    int n;

    List<String> shuffled;
    List<String> sorted;
    byte[] poolDigest;
    byte[] seedDigest;
    final List<String> seed = List.of("00000000000000000000a1b2c3d4e5f6", "2026-12-08 抽奖现场骰子 3 5 1 6");

    @Setup
    public void setUp() {
        shuffled = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            shuffled.add(String.format("T%08d", i));
        }
        Collections.shuffle(shuffled, new Random(5));
        sorted = DrawAlgorithm.sortPool(shuffled);
        poolDigest = DrawAlgorithm.poolDigest(sorted);
        seedDigest = DrawAlgorithm.seedDigest(poolDigest, 140, seed);
    }

    /** Everything a draw computes from the unsorted keys. */
    @Benchmark
    public List<String> wholeDraw() {
        return AlgorithmRun.draw(shuffled, 140, seed).winners();
    }

    @Benchmark
    public List<String> sortPool() {
        return DrawAlgorithm.sortPool(shuffled);
    }

    /** P over the sorted pool (includes the check that it is sorted and unique). */
    @Benchmark
    public byte[] poolDigest() {
        return DrawAlgorithm.poolDigest(sorted);
    }

    /** The 140 winners from D (includes the check that the pool is sorted and unique). */
    @Benchmark
    public List<String> select() {
        return DrawAlgorithm.select(sorted, 140, seedDigest);
    }
}
