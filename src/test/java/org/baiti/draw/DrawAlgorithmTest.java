package org.baiti.draw;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.PrimitiveIterator;
import java.util.Random;
import java.util.stream.LongStream;

import org.baiti.draw.DrawAlgorithm.RandomStream;
import org.junit.jupiter.api.Test;

class DrawAlgorithmTest {

    private static final String SUPPLEMENTARY = "\uD840\uDC00"; // U+20000
    private static final String FULLWIDTH_A = "\uFF21";          // U+FF21
    private static final String PRIVATE_USE = "\uE000";          // U+E000

    private static RandomStream fed(long... values) {
        PrimitiveIterator.OfLong it = LongStream.of(values).iterator();
        return new RandomStream(it::nextLong);
    }

    // ---- sorting by UTF-8 bytes -------------------------------------------------------------------------------

    @Test
    void supplementaryCharactersSortAfterBmpCharactersAboveSurrogates() {
        // Java's UTF-16 compareTo gets this wrong: 0xD840 < 0xFF21.
        assertThat(SUPPLEMENTARY.compareTo(FULLWIDTH_A)).isNegative();
        assertThat(Arrays.compareUnsigned(SUPPLEMENTARY.getBytes(StandardCharsets.UTF_8),
                FULLWIDTH_A.getBytes(StandardCharsets.UTF_8))).isPositive();
        assertThat(DrawAlgorithm.compareUtf8(SUPPLEMENTARY, FULLWIDTH_A)).isPositive();
        assertThat(DrawAlgorithm.compareUtf8(FULLWIDTH_A, SUPPLEMENTARY)).isNegative();
        assertThat(DrawAlgorithm.compareUtf8(SUPPLEMENTARY, PRIVATE_USE)).isPositive();
        assertThat(DrawAlgorithm.compareUtf8("\uD7FF", SUPPLEMENTARY)).isNegative();
        assertThat(DrawAlgorithm.compareUtf8("\uFFFF", "\uDBFF\uDFFF")).isNegative();

        List<String> keys = List.of(SUPPLEMENTARY + "1", FULLWIDTH_A + "1", PRIVATE_USE + "1", "\uD7FF1", "z1",
                "\uDBFF\uDFFF", "\uD800\uDC00", "\uD83D\uDE00x", "\uFFFD");
        assertThat(DrawAlgorithm.sortPool(keys)).containsExactly("z1", "\uD7FF1", PRIVATE_USE + "1",
                FULLWIDTH_A + "1", "\uFFFD", "\uD800\uDC00", "\uD83D\uDE00x", SUPPLEMENTARY + "1", "\uDBFF\uDFFF");
    }

    @Test
    void sortIsByUnsignedBytesNotSignedOnes() {
        // 'Ä' is C3 84 in UTF-8: as signed bytes it would sort before 'A' (0x41).
        assertThat(DrawAlgorithm.sortPool(List.of("Ä", "A", "é", "~", "中")))
                .containsExactly("A", "~", "Ä", "é", "中");
        assertThat(DrawAlgorithm.sortPool(List.of("ab", "a", "b", "aa"))).containsExactly("a", "aa", "ab", "b");
    }

    @Test
    void invalidKeysAreRejected() {
        assertThatThrownBy(() -> DrawAlgorithm.sortPool(List.of("A", "B", "A")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("duplicate").hasMessageContaining("A");
        assertThatThrownBy(() -> DrawAlgorithm.sortPool(List.of("A", "")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> DrawAlgorithm.sortPool(List.of("A", "B\nC")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("line feed");
        assertThatThrownBy(() -> DrawAlgorithm.sortPool(List.of("A", "\uD800x")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("surrogate");
        assertThatThrownBy(() -> DrawAlgorithm.sortPool(Arrays.asList("A", null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("null");
    }

    @Test
    void poolDigestAndSelectRequireASortedUniquePool() {
        assertThatThrownBy(() -> DrawAlgorithm.poolDigest(List.of("B", "A")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not sorted");
        assertThatThrownBy(() -> DrawAlgorithm.poolDigest(List.of("A", "A")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unique");
        // UTF-16 order is not accepted as sorted.
        assertThatThrownBy(() -> DrawAlgorithm.poolDigest(List.of(SUPPLEMENTARY, FULLWIDTH_A)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DrawAlgorithm.select(List.of("B", "A"), 1, new byte[32]))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void kMustBeBetweenZeroAndN() {
        List<String> pool = List.of("A", "B", "C");
        assertThatThrownBy(() -> DrawAlgorithm.select(pool, 4, new byte[32]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0 <= k <= n = 3, got 4");
        assertThatThrownBy(() -> DrawAlgorithm.select(pool, -1, new byte[32]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("got -1");
        assertThatThrownBy(() -> AlgorithmRun.draw(pool, 4, List.of("s")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0 <= k <= n");
        assertThatThrownBy(() -> DrawAlgorithm.seedDigest(new byte[32], -1, List.of("s")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(DrawAlgorithm.select(pool, 0, new byte[32])).isEmpty();
        assertThat(DrawAlgorithm.select(pool, 3, new byte[32])).containsExactlyInAnyOrderElementsOf(pool);
    }

    @Test
    void seedAndDigestArgumentsAreChecked() {
        assertThatThrownBy(() -> DrawAlgorithm.seedDigest(new byte[32], 1, List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one");
        assertThatThrownBy(() -> DrawAlgorithm.seedDigest(new byte[32], 1, List.of("a\nb")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("line feed");
        assertThatThrownBy(() -> DrawAlgorithm.seedDigest(new byte[31], 1, List.of("a")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> DrawAlgorithm.select(List.of("A"), 1, new byte[16]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> new RandomStream(new byte[33]))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void hexIsLowercase() {
        assertThat(DrawAlgorithm.hex(new byte[] {0, 1, (byte) 0xAB, (byte) 0xFF, 0x7F})).isEqualTo("0001abff7f");
        assertThat(DrawAlgorithm.hex(new byte[0])).isEmpty();
    }

    @Test
    void seedDigestMatchesTheSpecFormulaByHand() throws Exception {
        byte[] p = DrawAlgorithm.poolDigest(List.of("A001", "B002"));
        byte[] expectedP = java.security.MessageDigest.getInstance("SHA-256")
                .digest("A001\nB002\n".getBytes(StandardCharsets.UTF_8));
        assertThat(p).isEqualTo(expectedP);
        String text = "baiti-draw-v1\n" + DrawAlgorithm.hex(p) + "\n12\n" + "骰子\n" + "x\n";
        byte[] expectedD = java.security.MessageDigest.getInstance("SHA-256")
                .digest(text.getBytes(StandardCharsets.UTF_8));
        assertThat(DrawAlgorithm.seedDigest(p, 12, List.of("骰子", "x"))).isEqualTo(expectedD);
    }

    // ---- random numbers ------------------------------------------------------------------------------------------

    @Test
    void randomNumbersAreTheFirstEightBytesOfShaOfDAndBigEndianCounter() throws Exception {
        byte[] d = new byte[32];
        for (int i = 0; i < 32; i++) {
            d[i] = (byte) (i * 7 + 3);
        }
        RandomStream stream = new RandomStream(d);
        for (long j = 0; j < 300; j++) {
            byte[] block = new byte[40];
            System.arraycopy(d, 0, block, 0, 32);
            byte[] counter = BigInteger.valueOf(j).toByteArray();
            System.arraycopy(counter, 0, block, 40 - counter.length, counter.length);
            byte[] h = java.security.MessageDigest.getInstance("SHA-256").digest(block);
            long expected = new BigInteger(1, Arrays.copyOf(h, 8)).longValue();
            assertThat(stream.nextU()).as("u_%d", j).isEqualTo(expected);
        }
        assertThat(stream.consumed()).isEqualTo(300);
    }

    @Test
    void uniformSkipsValuesAtOrAboveTheLimit() {
        // 2^64 mod 3 = 1, so limit = 2^64 - 1 and only u = 2^64 - 1 is rejected.
        RandomStream s = fed(-1L, 7L);
        assertThat(s.uniform(3)).isEqualTo(1);
        assertThat(s.consumed()).isEqualTo(2);
        // 2^64 - 2 is just below the limit: accepted, (2^64 - 2) mod 3 = 2.
        s = fed(-2L);
        assertThat(s.uniform(3)).isEqualTo(2);
        assertThat(s.consumed()).isEqualTo(1);
        // Several rejections in a row.
        s = fed(-1L, -1L, -1L, 5L);
        assertThat(s.uniform(3)).isEqualTo(2);
        assertThat(s.consumed()).isEqualTo(4);
    }

    @Test
    void uniformOfOneTakesOneValueAndReturnsZero() {
        RandomStream s = fed(-1L, 99L);
        assertThat(s.uniform(1)).isZero();
        assertThat(s.consumed()).isEqualTo(1);
    }

    @Test
    void uniformOfPowersOfTwoNeverRejects() {
        RandomStream s = fed(-1L, -1L);
        assertThat(s.uniform(2)).isEqualTo(1);
        assertThat(s.uniform(1L << 62)).isEqualTo((1L << 62) - 1);
        assertThat(s.consumed()).isEqualTo(2);
    }

    @Test
    void uniformNearTwoToThe63() {
        long m = Long.MAX_VALUE; // 2^63 - 1: 2^64 mod m = 2, limit = 2^64 - 2
        RandomStream s = fed(-1L, -2L, -3L);
        assertThat(s.uniform(m)).isEqualTo(m - 1); // (2^64 - 3) mod (2^63 - 1) = 2^63 - 2
        assertThat(s.consumed()).isEqualTo(3);

        long m2 = 0x6000000000000000L; // 3 * 2^61: 2^64 mod m2 = 2^62, limit = 0xC000000000000000
        s = fed(0xC000000000000000L, 0xBFFFFFFFFFFFFFFFL);
        assertThat(s.uniform(m2)).isEqualTo(m2 - 1);
        assertThat(s.consumed()).isEqualTo(2);

        long m3 = (1L << 62) + 1; // 2^64 mod m3 = 2^64 - 3*m3 = 2^62 - 3
        s = fed(3 * m3 - 1, 3 * m3, 12345L);
        assertThat(s.uniform(m3)).isEqualTo(m3 - 1);
        s = fed(3 * m3, 12345L);
        assertThat(s.uniform(m3)).isEqualTo(12345L);
        assertThat(s.consumed()).isEqualTo(2);
    }

    @Test
    void uniformAgreesWithBigIntegerArithmeticOnRandomInputs() {
        Random random = new Random(20261129L);
        BigInteger two64 = BigInteger.ONE.shiftLeft(64);
        for (int t = 0; t < 20_000; t++) {
            long m = switch (t % 4) {
                case 0 -> 1 + random.nextInt(1000);
                case 1 -> Long.MAX_VALUE - random.nextInt(1000);
                case 2 -> (random.nextLong() >>> 1) | 1;
                default -> 1 + (random.nextLong() >>> (1 + random.nextInt(63)));
            };
            BigInteger bm = BigInteger.valueOf(m);
            BigInteger limit = two64.subtract(two64.mod(bm));
            // Values straddling the limit, plus a random one.
            long atLimit = limit.longValue();
            long[] values = {atLimit, atLimit - 1, random.nextLong()};
            for (long u : values) {
                BigInteger bu = new BigInteger(Long.toUnsignedString(u));
                RandomStream s = fed(u, 42L);
                long got = s.uniform(m);
                if (bu.compareTo(limit) >= 0) {
                    assertThat(got).isEqualTo(42L % m);
                    assertThat(s.consumed()).isEqualTo(2);
                } else {
                    assertThat(got).isEqualTo(bu.mod(bm).longValueExact());
                    assertThat(s.consumed()).isEqualTo(1);
                }
            }
        }
    }

    @Test
    void uniformRejectsANonPositiveModulus() {
        assertThatThrownBy(() -> fed(1L).uniform(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> fed(1L).uniform(-5)).isInstanceOf(IllegalArgumentException.class);
    }

    // ---- a large pool ----------------------------------------------------------------------------------------------

    @Test
    void aMillionKeysSortDigestAndSelect140() {
        // Keys arrive unsorted, each string allocated as it is read (as when loaded from a database).
        List<Integer> numbers = new ArrayList<>(1_000_000);
        for (int i = 0; i < 1_000_000; i++) {
            numbers.add(i);
        }
        Collections.shuffle(numbers, new Random(7));
        List<String> keys = new ArrayList<>(1_000_000);
        for (int i : numbers) {
            keys.add("准考证" + (1_000_000 + i));
        }
        // Speed is measured in the benchmarks (BENCHMARKS.md), not asserted here.
        AlgorithmRun.Result r = AlgorithmRun.draw(keys, 140, List.of("2026-11-29", "42"));
        assertThat(r.sortedPool()).hasSize(1_000_000);
        assertThat(r.sortedPool().get(0)).isEqualTo("准考证1000000");
        assertThat(r.sortedPool().get(999_999)).isEqualTo("准考证1999999");
        assertThat(r.winners()).hasSize(140).doesNotHaveDuplicates();
        assertThat(r.winners()).allSatisfy(w -> assertThat(w).startsWith("准考证"));
        assertThat(r.winners()).isEqualTo(DrawAlgorithm.select(r.sortedPool(), 140, r.seedDigest()));
    }
}
