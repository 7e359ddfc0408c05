package org.baiti.draw;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.PrimitiveIterator;
import java.util.Random;
import java.util.Set;
import java.util.stream.LongStream;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.baiti.draw.DrawAlgorithm.RandomStream;
import org.baiti.verify.VerifyDraw;

class DrawAlgorithmProperties {

    private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);

    // ---- generators ----------------------------------------------------------------------------------------------

    /** Any Unicode scalar value except the line feed, weighted towards the interesting UTF-8 boundaries. */
    private static Arbitrary<Integer> codePoints() {
        return Arbitraries.frequencyOf(
                Tuple.of(5, Arbitraries.integers().between(0x20, 0x7E)),
                Tuple.of(1, Arbitraries.integers().between(0x00, 0x1F).filter(c -> c != '\n')),
                Tuple.of(2, Arbitraries.integers().between(0x80, 0x7FF)),
                Tuple.of(2, Arbitraries.integers().between(0x800, 0xD7FF)),
                Tuple.of(3, Arbitraries.integers().between(0xE000, 0xFFFF)),
                Tuple.of(3, Arbitraries.integers().between(0x10000, 0x10FFFF)));
    }

    private static String fromCodePoints(List<Integer> cps) {
        return new String(cps.stream().mapToInt(Integer::intValue).toArray(), 0, cps.size());
    }

    /** Keys: random text, exam numbers, and words over a tiny alphabet (long shared prefixes, U+0000, ties). */
    @Provide
    Arbitrary<String> keys() {
        Arbitrary<String> random = codePoints().list().ofMinSize(1).ofMaxSize(12).map(DrawAlgorithmProperties::fromCodePoints);
        Arbitrary<String> examNumbers = Arbitraries.integers().between(0, 99_999).map(i -> "准考证" + i);
        Arbitrary<String> tiny = Arbitraries.of(0x61, 0x62, 0x00, 0xFF21, 0x20000, 0xE000)
                .list().ofMinSize(1).ofMaxSize(20).map(DrawAlgorithmProperties::fromCodePoints);
        Arbitrary<String> longPrefix = Arbitraries.strings().withChars("xy").ofMinLength(0).ofMaxLength(3)
                .map(s -> "2026110100000000" + s);
        return Arbitraries.oneOf(random, examNumbers, tiny, longPrefix);
    }

    @Provide
    Arbitrary<List<String>> pools() {
        return keys().set().ofMaxSize(60).map(ArrayList::new);
    }

    @Provide
    Arbitrary<List<String>> seeds() {
        Arbitrary<String> s = codePoints().list().ofMaxSize(10).map(DrawAlgorithmProperties::fromCodePoints);
        return s.list().ofMinSize(1).ofMaxSize(4);
    }

    // ---- selection -----------------------------------------------------------------------------------------------

    @Property
    void winnersAreKDistinctMembersOfThePool(@ForAll("pools") List<String> pool, @ForAll @IntRange(max = 60) int kRaw,
                                             @ForAll("seeds") List<String> seed) {
        int k = kRaw % (pool.size() + 1);
        AlgorithmRun.Result r = AlgorithmRun.draw(pool, k, seed);
        assertThat(r.winners()).hasSize(k).doesNotHaveDuplicates();
        assertThat(pool).containsAll(r.winners());
        // The step-by-step API agrees.
        assertThat(DrawAlgorithm.select(r.sortedPool(), k, r.seedDigest())).isEqualTo(r.winners());
    }

    @Property
    void theDrawDependsOnlyOnThePoolAsASetKAndSeed(@ForAll("pools") List<String> pool, @ForAll @IntRange(max = 60) int kRaw,
                                                   @ForAll("seeds") List<String> seed, @ForAll Random random) {
        int k = kRaw % (pool.size() + 1);
        List<String> shuffled = new ArrayList<>(pool);
        Collections.shuffle(shuffled, random);
        AlgorithmRun.Result a = AlgorithmRun.draw(pool, k, seed);
        AlgorithmRun.Result b = AlgorithmRun.draw(new HashSet<>(shuffled), k, new ArrayList<>(seed));
        assertThat(b.sortedPool()).isEqualTo(a.sortedPool());
        assertThat(b.poolDigest()).isEqualTo(a.poolDigest());
        assertThat(b.seedDigest()).isEqualTo(a.seedDigest());
        assertThat(b.winners()).isEqualTo(a.winners());
    }

    @Property
    void changingOneSeedStringChangesTheSeedDigest(@ForAll("pools") List<String> pool, @ForAll("seeds") List<String> seed,
                                                   @ForAll @IntRange(max = 3) int which, @ForAll("keys") String other) {
        int i = which % seed.size();
        List<String> changed = new ArrayList<>(seed);
        changed.set(i, seed.get(i).equals(other) ? other + "x" : other);
        byte[] p = DrawAlgorithm.poolDigest(DrawAlgorithm.sortPool(pool));
        int k = Math.min(1, pool.size());
        assertThat(DrawAlgorithm.seedDigest(p, k, changed)).isNotEqualTo(DrawAlgorithm.seedDigest(p, k, seed));
    }

    @Property
    void changingOnePoolKeyChangesPoolAndSeedDigest(@ForAll("pools") List<String> pool, @ForAll("seeds") List<String> seed,
                                                    @ForAll @IntRange(max = 59) int which, @ForAll("keys") String other) {
        if (pool.isEmpty() || pool.contains(other)) {
            return;
        }
        List<String> changed = new ArrayList<>(pool);
        changed.set(which % pool.size(), other);
        AlgorithmRun.Result a = AlgorithmRun.draw(pool, 1, seed);
        AlgorithmRun.Result b = AlgorithmRun.draw(changed, 1, seed);
        assertThat(b.poolDigest()).isNotEqualTo(a.poolDigest());
        assertThat(b.seedDigest()).isNotEqualTo(a.seedDigest());
    }

    @Property
    void changingKChangesTheSeedDigest(@ForAll("seeds") List<String> seed, @ForAll @IntRange(max = 1000) int k) {
        byte[] p = new byte[32];
        assertThat(DrawAlgorithm.seedDigest(p, k + 1, seed)).isNotEqualTo(DrawAlgorithm.seedDigest(p, k, seed));
    }

    // ---- sorting -------------------------------------------------------------------------------------------------

    @Property
    void sortPoolIsAscendingByUnsignedUtf8Bytes(@ForAll("pools") List<String> pool) {
        List<byte[]> reference = new ArrayList<>();
        for (String key : pool) {
            reference.add(key.getBytes(StandardCharsets.UTF_8));
        }
        reference.sort(Arrays::compareUnsigned);
        List<String> expected = reference.stream().map(b -> new String(b, StandardCharsets.UTF_8)).toList();

        assertThat(DrawAlgorithm.sortPool(pool)).isEqualTo(expected);
        List<String> viaComparator = new ArrayList<>(pool);
        viaComparator.sort(DrawAlgorithm::compareUtf8);
        assertThat(viaComparator).isEqualTo(expected);
    }

    @Property
    void duplicatesAreRefusedByTheSortAndCountOnceInTheVerifier(@ForAll("pools") List<String> pool,
                                                                       @ForAll Random random,
                                                                       @ForAll @IntRange(max = 5) int copies) {
        List<String> keys = new ArrayList<>(pool);
        for (int c = 0; c < copies && !pool.isEmpty(); c++) {
            keys.add(pool.get(random.nextInt(pool.size())));
        }
        Collections.shuffle(keys, random);
        if (keys.size() > pool.size()) {
            assertThatThrownBy(() -> DrawAlgorithm.sortPool(keys)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("duplicate entry key");
        }
        // The record of the draw over the distinct keys, listing every copy: the verifier names each repeated key
        // and finds P, D and the winners right (each key counts once).
        AlgorithmRun.Result distinct = AlgorithmRun.draw(new HashSet<>(keys), 0, List.of("s"));
        List<String> listed = new ArrayList<>(keys);
        listed.sort(DrawAlgorithm::compareUtf8);
        List<String> problems = VerifyDraw.problems(DrawRecords.toJson(new AlgorithmRun.Result(listed,
                distinct.poolDigest(), 0, distinct.seed(), distinct.seedDigest(), distinct.winners())));
        assertThat(problems).allMatch(p -> p.startsWith("pool lists \"") && p.endsWith("\" twice"));
        assertThat(problems).hasSize(keys.size() - pool.size());
    }

    // ---- uniform -------------------------------------------------------------------------------------------------

    private static RandomStream fed(long... values) {
        PrimitiveIterator.OfLong it = LongStream.of(values).iterator();
        return new RandomStream(it::nextLong);
    }

    private static BigInteger unsigned(long u) {
        return new BigInteger(Long.toUnsignedString(u));
    }

    /** The spec's uniform(m) with big integers: the result and how many values it took. */
    private static long[] referenceUniform(long m, long... values) {
        BigInteger bm = BigInteger.valueOf(m);
        BigInteger limit = TWO_64.subtract(TWO_64.mod(bm));
        int used = 0;
        BigInteger u = unsigned(values[used++]);
        while (u.compareTo(limit) >= 0) {
            u = unsigned(values[used++]);
        }
        return new long[] {u.mod(bm).longValueExact(), used};
    }

    @Property
    void uniformMatchesTheSpecWithBigIntegers(@ForAll @LongRange(min = 1, max = Long.MAX_VALUE) long m,
                                              @ForAll @LongRange(min = -3, max = 3) long nearLimit,
                                              @ForAll long other, @ForAll boolean useNearLimit) {
        BigInteger bm = BigInteger.valueOf(m);
        long limit = TWO_64.subtract(TWO_64.mod(bm)).longValue(); // 2^64 itself becomes 0
        long first = useNearLimit ? limit + nearLimit : other;
        long[] values = {first, limit - 1 + nearLimit, other, 0L};
        long[] expected = referenceUniform(m, values);
        RandomStream s = fed(values);
        assertThat(s.uniform(m)).isEqualTo(expected[0]);
        assertThat(s.consumed()).isEqualTo(expected[1]);
    }

    @Property
    void uniformSkipsAValueAtOrAboveTheLimitAndUsesTheNext(@ForAll @IntRange(min = 1, max = 1_000_000) int m,
                                                           @ForAll @LongRange(min = 0, max = 1_000_000) long next) {
        long rem = TWO_64.mod(BigInteger.valueOf(m)).longValueExact();
        if (rem == 0) {
            return; // m is a power of two: no value is biased
        }
        long limit = -rem; // 2^64 - rem as unsigned
        for (long biased : new long[] {limit, -1L, limit + (rem - 1) / 2}) {
            RandomStream s = fed(biased, next);
            assertThat(s.uniform(m)).isEqualTo(next % m);
            assertThat(s.consumed()).isEqualTo(2);
        }
        RandomStream s = fed(limit - 1, next);
        assertThat(s.uniform(m)).isEqualTo(unsigned(limit - 1).mod(BigInteger.valueOf(m)).longValueExact());
        assertThat(s.consumed()).isEqualTo(1);
    }

    // ---- uniformity (deterministic: fixed seeds, so never flaky) -------------------------------------------------

    private static final List<String> FIVE = List.of("K1", "K2", "K3", "K4", "K5");
    /** The 0.999 quantile of the chi-square distribution with 4 degrees of freedom. */
    private static final double CHI2_4_999 = 18.47;

    private static double chiSquare(int[] counts, double expected) {
        double chi2 = 0;
        for (int c : counts) {
            chi2 += (c - expected) * (c - expected) / expected;
        }
        return chi2;
    }

    @Example
    void singleWinnerIsUniformOverThePool() {
        int[] counts = new int[5];
        for (int s = 0; s < 5000; s++) {
            String winner = AlgorithmRun.draw(FIVE, 1, List.of("chi-square", Integer.toString(s))).winners().get(0);
            counts[FIVE.indexOf(winner)]++;
        }
        assertThat(chiSquare(counts, 1000)).as("counts %s", Arrays.toString(counts)).isLessThan(CHI2_4_999);
    }

    @Example
    void eachPositionOfTwoWinnersIsUniformOverThePool() {
        int[][] counts = new int[2][5];
        for (int s = 0; s < 5000; s++) {
            List<String> w = AlgorithmRun.draw(FIVE, 2, List.of("chi-square k=2", Integer.toString(s))).winners();
            counts[0][FIVE.indexOf(w.get(0))]++;
            counts[1][FIVE.indexOf(w.get(1))]++;
        }
        for (int i = 0; i < 2; i++) {
            assertThat(chiSquare(counts[i], 1000)).as("position %d counts %s", i, Arrays.toString(counts[i]))
                    .isLessThan(CHI2_4_999);
        }
    }

    @Example
    void randomNumbersAreUniformModFive() {
        // uniform(5) straight from one stream: 5,000 draws, also below the 0.999 critical value.
        RandomStream s = new RandomStream(DrawAlgorithm.seedDigest(new byte[32], 1, List.of("stream")));
        int[] counts = new int[5];
        for (int i = 0; i < 5000; i++) {
            counts[(int) s.uniform(5)]++;
        }
        assertThat(chiSquare(counts, 1000)).as("counts %s", Arrays.toString(counts)).isLessThan(CHI2_4_999);
    }

    @Property(tries = 200)
    void theDrawIsAPermutationPrefixForKEqualsN(@ForAll("pools") List<String> pool, @ForAll("seeds") List<String> seed) {
        Set<String> winners = new HashSet<>(AlgorithmRun.draw(pool, pool.size(), seed).winners());
        assertThat(winners).isEqualTo(new HashSet<>(pool));
    }
}
