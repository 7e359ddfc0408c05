package org.baiti.draw;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * The public draw algorithm {@code baiti-draw-v1} (spec §5): pool digest, seed digest, SHA-256 counter stream,
 * unbiased {@code uniform(m)} and a partial Fisher–Yates selection; pure Java, nothing but SHA-256.
 *
 * <pre>
 * P = SHA-256(key_1 \n key_2 \n ... key_n \n)             keys sorted by their UTF-8 bytes, unsigned
 * D = SHA-256("baiti-draw-v1\n" + hex(P) + "\n" + k + "\n" + S_1 + "\n" + ... + S_m + "\n")
 * u_j = first 8 bytes (unsigned, big-endian) of SHA-256(D || j), j as 8 bytes big-endian
 * uniform(m): limit = 2^64 - (2^64 mod m); next u while u >= limit; return u mod m
 * for i = 0 .. k-1: r = i + uniform(n - i); swap a[i], a[r]      winners = a[0..k-1]
 * </pre>
 */
public final class DrawAlgorithm {

    /** The algorithm name written into every published draw record. */
    public static final String ALGORITHM = "baiti-draw-v1";

    /** Length in bytes of a SHA-256 digest ({@code P} and {@code D}). */
    public static final int DIGEST_LENGTH = 32;

    private DrawAlgorithm() {
    }

    /**
     * Sorts the entry keys ascending by their UTF-8 bytes (unsigned).
     *
     * @return an unmodifiable sorted list
     * @throws IllegalArgumentException if a key is null, empty, contains a line feed or an unpaired surrogate, or if
     *                                  two keys are equal
     */
    public static List<String> sortPool(Collection<String> keys) {
        Objects.requireNonNull(keys, "keys");
        List<String> sorted = new ArrayList<>(keys);
        for (String key : sorted) {
            checkKey(key);
        }
        sorted.sort(DrawAlgorithm::compareUtf8);
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i - 1).equals(sorted.get(i))) {
                throw new IllegalArgumentException("duplicate entry key in pool: \"" + sorted.get(i) + "\"");
            }
        }
        return Collections.unmodifiableList(sorted);
    }

    /**
     * The pool digest {@code P = SHA-256(key_1 \n ... key_n \n)}.
     *
     * @param sortedKeys keys as returned by {@link #sortPool}: valid, unique and strictly ascending by UTF-8 bytes
     * @throws IllegalArgumentException if the keys are invalid, not sorted or not unique
     */
    public static byte[] poolDigest(List<String> sortedKeys) {
        checkSortedPool(sortedKeys);
        MessageDigest sha = sha256();
        for (String key : sortedKeys) {
            sha.update(key.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) '\n');
        }
        return sha.digest();
    }

    /**
     * The seed digest
     * {@code D = SHA-256("baiti-draw-v1\n" + hex(P) + "\n" + k + "\n" + S_1 + "\n" + ... + S_m + "\n")}.
     *
     * @param poolDigest the 32 bytes of {@code P}
     * @param k          the number of winners, at least 0
     * @param seed       the seed strings {@code S_1 .. S_m}, at least one; none may be null or contain a line feed
     *                   (which would make two different seed lists hash alike)
     * @throws IllegalArgumentException on any invalid argument
     */
    public static byte[] seedDigest(byte[] poolDigest, int k, List<String> seed) {
        Objects.requireNonNull(poolDigest, "poolDigest");
        Objects.requireNonNull(seed, "seed");
        if (poolDigest.length != DIGEST_LENGTH) {
            throw new IllegalArgumentException("pool digest must be 32 bytes, got " + poolDigest.length);
        }
        if (k < 0) {
            throw new IllegalArgumentException("number of winners k must be at least 0, got " + k);
        }
        if (seed.isEmpty()) {
            throw new IllegalArgumentException("seed must contain at least one string");
        }
        for (int i = 0; i < seed.size(); i++) {
            String s = seed.get(i);
            if (s == null) {
                throw new IllegalArgumentException("seed string " + (i + 1) + " is null");
            }
            if (s.indexOf('\n') >= 0) {
                throw new IllegalArgumentException("seed string " + (i + 1) + " contains a line feed");
            }
            if (hasUnpairedSurrogate(s)) {
                throw new IllegalArgumentException("seed string " + (i + 1) + " contains an unpaired surrogate");
            }
        }
        StringBuilder sb = new StringBuilder(128);
        sb.append(ALGORITHM).append('\n').append(hex(poolDigest)).append('\n').append(k).append('\n');
        for (String s : seed) {
            sb.append(s).append('\n');
        }
        return sha256().digest(sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Selects the winners: for {@code i = 0 .. k-1}, {@code r = i + uniform(n - i)}, swap {@code a[i]} and
     * {@code a[r]}; returns {@code a[0] .. a[k-1]} in this (announcement) order.
     *
     * @param sortedPool the sorted pool (see {@link #sortPool}); it is not modified
     * @param k          number of winners, {@code 0 <= k <= n}
     * @param seedDigest the 32 bytes of {@code D}
     * @throws IllegalArgumentException if {@code k} is out of range, {@code D} is not 32 bytes, or the pool is not a
     *                                  valid sorted pool
     */
    public static List<String> select(List<String> sortedPool, int k, byte[] seedDigest) {
        checkSortedPool(sortedPool);
        checkK(k, sortedPool.size());
        return Arrays.stream(selectPositions(sortedPool.size(), k, Objects.requireNonNull(seedDigest, "seedDigest")))
                .mapToObj(sortedPool::get).toList();
    }

    /** Lowercase hex encoding of bytes. */
    public static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    /**
     * Compares two strings by their UTF-8 bytes (unsigned), which for well-formed strings is code point order. Java's
     * {@link String#compareTo} compares UTF-16 units instead and puts supplementary characters (surrogate pairs,
     * U+D800–U+DFFF) <em>before</em> U+E000–U+FFFF; this moves surrogates above them without encoding anything.
     *
     * @return negative, zero or positive like {@link Comparator#compare}
     */
    public static int compareUtf8(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != y) {
                return codePointOrder(x) - codePointOrder(y);
            }
        }
        return a.length() - b.length();
    }

    /**
     * Maps a UTF-16 unit so that unit order equals code point order: U+E000–U+FFFF move down by 0x800, surrogates move
     * above them (a difference between two surrogates keeps its sign).
     */
    private static int codePointOrder(char c) {
        if (c < 0xD800) {
            return c;
        }
        return c >= 0xE000 ? c - 0x800 : c + 0x2000;
    }

    /** Checks one entry key, throwing {@link IllegalArgumentException} with a clear message. */
    static void checkKey(String key) {
        if (key == null) {
            throw new IllegalArgumentException("entry key is null");
        }
        String problem = keyProblem(key);
        if (problem != null) {
            throw new IllegalArgumentException("entry key \"" + key + "\" " + problem);
        }
    }

    /** Why a key is not allowed, or null if it is fine. */
    static String keyProblem(String key) {
        if (key.isEmpty()) {
            return "is empty";
        }
        if (key.indexOf('\n') >= 0) {
            return "contains a line feed";
        }
        if (hasUnpairedSurrogate(key)) {
            return "contains an unpaired surrogate (not encodable as UTF-8)";
        }
        return null;
    }

    static boolean hasUnpairedSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                } else {
                    return true;
                }
            } else if (Character.isLowSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    private static void checkSortedPool(List<String> sortedKeys) {
        Objects.requireNonNull(sortedKeys, "sortedKeys");
        String previous = null;
        int i = 0;
        for (String key : sortedKeys) {
            checkKey(key);
            if (previous != null && compareUtf8(previous, key) >= 0) {
                throw new IllegalArgumentException("pool is not sorted ascending by UTF-8 bytes and unique at index "
                        + i + ": \"" + previous + "\" then \"" + key + "\"");
            }
            previous = key;
            i++;
        }
    }

    private static void checkK(int k, int n) {
        if (k < 0 || k > n) {
            throw new IllegalArgumentException("number of winners k must satisfy 0 <= k <= n = " + n + ", got " + k);
        }
    }

    /**
     * The selection on positions of the sorted pool {@code a = 0 .. n-1}: for {@code i = 0 .. k-1},
     * {@code r = i + uniform(n - i)}, swap {@code a[i]} and {@code a[r]}; returns {@code a[0] .. a[k-1]}, the sorted-pool
     * indexes of the winners in draw order. Only the at most {@code 2k} positions a swap touches are tracked, so no
     * array of {@code n} is made.
     */
    static int[] selectPositions(int n, int k, byte[] seedDigest) {
        checkK(k, n);
        if (seedDigest.length != DIGEST_LENGTH) {
            throw new IllegalArgumentException("seed digest must be 32 bytes, got " + seedDigest.length);
        }
        Map<Integer, Integer> a = new HashMap<>(); // a[p] where it differs from p
        RandomStream random = new RandomStream(seedDigest);
        int[] winners = new int[k];
        for (int i = 0; i < k; i++) {
            int r = i + (int) random.uniform(n - i);
            int atI = a.getOrDefault(i, i);
            int atR = a.getOrDefault(r, r);
            a.put(r, atI);   // a[r] = old a[i]
            a.put(i, atR);   // a[i] = old a[r] (also right when r == i)
            winners[i] = atR;
        }
        return winners;
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /**
     * The random numbers of a draw: {@code u_j} is the first 8 bytes (unsigned, big-endian) of
     * {@code SHA-256(D || j)} with {@code j} as 8 bytes big-endian; blocks are consumed in order and never reused.
     * Not thread-safe.
     */
    public static final class RandomStream {

        private final LongSupplier source;
        private long consumed;

        /**
         * The stream of a draw.
         *
         * @param seedDigest the 32 bytes of {@code D}
         */
        public RandomStream(byte[] seedDigest) {
            Objects.requireNonNull(seedDigest, "seedDigest");
            if (seedDigest.length != DIGEST_LENGTH) {
                throw new IllegalArgumentException("seed digest must be 32 bytes, got " + seedDigest.length);
            }
            MessageDigest sha = sha256();
            byte[] block = Arrays.copyOf(seedDigest, DIGEST_LENGTH + 8);
            long[] counter = {0};
            this.source = () -> {
                long j = counter[0]++;
                for (int b = 0; b < 8; b++) {
                    block[DIGEST_LENGTH + b] = (byte) (j >>> (56 - 8 * b));
                }
                byte[] h = sha.digest(block);
                long u = 0;
                for (int b = 0; b < 8; b++) {
                    u = (u << 8) | (h[b] & 0xFF);
                }
                return u;
            };
        }

        /**
         * A stream fed by the given values instead of SHA-256 blocks (for tests of {@link #uniform}); the values are
         * read as unsigned 64-bit integers.
         */
        public RandomStream(LongSupplier values) {
            this.source = Objects.requireNonNull(values, "values");
        }

        /** The next random number {@code u_j} as an unsigned 64-bit value held in a {@code long}. */
        public long nextU() {
            consumed++;
            return source.getAsLong();
        }

        /** How many values ({@code u_j}) this stream has handed out so far. */
        public long consumed() {
            return consumed;
        }

        /**
         * An unbiased integer in {@code [0, m)}: with {@code limit = 2^64 - (2^64 mod m)}, takes the next {@code u},
         * takes another while {@code u >= limit} (unsigned), and returns {@code u mod m}.
         *
         * @param m the modulus, at least 1
         */
        public long uniform(long m) {
            if (m < 1) {
                throw new IllegalArgumentException("modulus must be at least 1, got " + m);
            }
            // 2^64 mod m == (2^64 - m) mod m, and 2^64 - m is -m read as unsigned.
            long rem = Long.remainderUnsigned(-m, m);
            long u = nextU();
            if (rem != 0) {
                long limit = -rem; // 2^64 - rem, as unsigned
                while (Long.compareUnsigned(u, limit) >= 0) {
                    u = nextU();
                }
            }
            // rem == 0: limit would be 2^64 itself and every u is accepted.
            return Long.remainderUnsigned(u, m);
        }
    }
}
