package org.baiti.draw;

import java.security.MessageDigest;
import java.util.Arrays;

/**
 * Entry keys encoded once as UTF-8 into one contiguous byte array and sorted by those bytes (unsigned), fast enough
 * for a million keys: each key string is read exactly once (checked and encoded in the same pass), the common prefix
 * of all keys is skipped, the next 8 bytes of every key are radix-sorted as one unsigned {@code long} in primitive
 * arrays (no pointer chasing per comparison), and ties go one level deeper. The pool digest is then hashed straight
 * from the encoded bytes.
 */
final class EncodedPool {

    /** Small ranges are finished by insertion sort on the full bytes. */
    private static final int INSERTION_SORT_MAX = 24;

    private final String[] keys; // null when made from bytes
    private final int n;
    private final byte[] arena;
    private final int[] offset; // key i (original order) is arena[offset[i], offset[i + 1])
    private final int[] order;  // order[j] = original index of the j-th smallest key
    private final int firstInvalid;
    private boolean duplicates; // set by the sort whenever two keys compare equal

    private EncodedPool(String[] keys, int n, byte[] arena, int[] offset, int[] order, int firstInvalid) {
        this.keys = keys;
        this.n = n;
        this.arena = arena;
        this.offset = offset;
        this.order = order;
        this.firstInvalid = firstInvalid;
    }

    /**
     * Encodes and sorts the keys. Keys that are null, empty, contain a line feed or an unpaired surrogate are still
     * sorted (an unpaired surrogate is encoded as '?', a null key as nothing) and reported by {@link #firstInvalid()}.
     */
    static EncodedPool sort(String[] keys) {
        int n = keys.length;
        int[] offset = new int[n + 1];
        byte[] arena = new byte[(int) Math.max(16, Math.min(16L * n, 1 << 24))];
        int pos = 0;
        int firstInvalid = -1;
        for (int i = 0; i < n; i++) {
            String s = keys[i];
            offset[i] = pos;
            if (s == null || s.isEmpty()) {
                firstInvalid = firstInvalid < 0 ? i : firstInvalid;
                continue;
            }
            int len = s.length();
            if (arena.length - pos < 3L * len) {
                long wanted = Math.max(2L * arena.length, (long) pos + 3L * len);
                if (wanted > Integer.MAX_VALUE - 16) {
                    throw new IllegalArgumentException("pool is too large");
                }
                arena = Arrays.copyOf(arena, (int) wanted);
            }
            boolean bad = false;
            for (int c = 0; c < len; c++) {
                char ch = s.charAt(c);
                if (ch < 0x80) {
                    bad |= ch == '\n';
                    arena[pos++] = (byte) ch;
                } else if (ch < 0x800) {
                    arena[pos++] = (byte) (0xC0 | (ch >> 6));
                    arena[pos++] = (byte) (0x80 | (ch & 0x3F));
                } else if (Character.isSurrogate(ch)) {
                    char lo = c + 1 < len ? s.charAt(c + 1) : 0;
                    if (Character.isHighSurrogate(ch) && Character.isLowSurrogate(lo)) {
                        int cp = Character.toCodePoint(ch, lo);
                        arena[pos++] = (byte) (0xF0 | (cp >> 18));
                        arena[pos++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                        arena[pos++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                        arena[pos++] = (byte) (0x80 | (cp & 0x3F));
                        c++;
                    } else {
                        bad = true;
                        arena[pos++] = '?';
                    }
                } else {
                    arena[pos++] = (byte) (0xE0 | (ch >> 12));
                    arena[pos++] = (byte) (0x80 | ((ch >> 6) & 0x3F));
                    arena[pos++] = (byte) (0x80 | (ch & 0x3F));
                }
            }
            if (bad && firstInvalid < 0) {
                firstInvalid = i;
            }
        }
        offset[n] = pos;
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        return sorted(new EncodedPool(keys, n, arena, offset, order, firstInvalid));
    }

    /**
     * Sorts keys that are already UTF-8: key i is {@code arena[offset[i], offset[i + 1])}; {@code firstInvalid} as
     * the caller found it. The arrays are used as they are, not copied. Such a pool has no {@link #sortedKeys()}.
     */
    static EncodedPool sortUtf8(byte[] arena, int[] offset, int n, int firstInvalid) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        return sorted(new EncodedPool(null, n, arena, offset, order, firstInvalid));
    }

    private static EncodedPool sorted(EncodedPool pool) {
        if (!pool.strictlyAscending()) {
            new Sorter(pool).sort(0, pool.n, pool.commonPrefixLength());
        }
        return pool;
    }

    /** Whether the keys already come strictly ascending (then the sort is the identity and there are no duplicates). */
    private boolean strictlyAscending() {
        for (int i = 1; i < n; i++) {
            if (compare(i - 1, i) >= 0) {
                return false;
            }
        }
        return true;
    }

    /** Original index of the first key that is null, empty, has a line feed or an unpaired surrogate; -1 if none. */
    int firstInvalid() {
        return firstInvalid;
    }

    /** The sort as a permutation: element j is the original index of the j-th smallest key (a copy). */
    int[] order() {
        return order.clone();
    }

    int size() {
        return n;
    }

    /** The keys in ascending UTF-8 byte order (duplicates adjacent). */
    String[] sortedKeys() {
        String[] out = new String[order.length];
        for (int j = 0; j < order.length; j++) {
            out[j] = keys[order[j]];
        }
        return out;
    }

    /** Sorted position of the first key equal to the one before it, or -1 when all keys are distinct. */
    int firstDuplicate() {
        if (!duplicates) {
            return -1; // the sort compares every pair of equal keys, and saw none
        }
        for (int j = 1; j < order.length; j++) {
            if (compare(order[j - 1], order[j]) == 0) {
                return j;
            }
        }
        return -1;
    }

    /** The keys in sorted order, each once (later copies of a duplicate are left out). */
    String[] distinctSortedKeys() {
        String[] out = new String[order.length];
        int m = 0;
        for (int j = 0; j < order.length; j++) {
            if (j == 0 || !duplicates || compare(order[j - 1], order[j]) != 0) {
                out[m++] = keys[order[j]];
            }
        }
        return Arrays.copyOf(out, m);
    }

    /**
     * {@code SHA-256(key_1 \n ... key_n \n)} over the sorted keys; with {@code distinct}, a key equal to the one before
     * it is left out.
     */
    byte[] digest(boolean distinct) {
        MessageDigest sha = DrawAlgorithm.sha256();
        byte[] buf = new byte[1 << 16];
        int used = 0;
        for (int j = 0; j < order.length; j++) {
            int i = order[j];
            if (distinct && duplicates && j > 0 && compare(order[j - 1], i) == 0) {
                continue;
            }
            int from = offset[i];
            int len = offset[i + 1] - from;
            if (used + len + 1 > buf.length) {
                sha.update(buf, 0, used);
                used = 0;
                if (len + 1 > buf.length) {
                    sha.update(arena, from, len);
                    sha.update((byte) '\n');
                    continue;
                }
            }
            System.arraycopy(arena, from, buf, used, len);
            used += len;
            buf[used++] = '\n';
        }
        sha.update(buf, 0, used);
        return sha.digest();
    }

    /**
     * {@code key_1 \n ... key_n \n} over the sorted keys: the preimage of the pool digest, as stored in
     * {@code draw_pool.pool_keys}. For distinct valid keys only (duplicates are not left out).
     */
    byte[] sortedPreimage() {
        int n = order.length;
        long total = (long) offset[n] + n;
        if (total > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("pool is too large");
        }
        byte[] out = new byte[(int) total];
        int used = 0;
        for (int j = 0; j < n; j++) {
            int i = order[j];
            int from = offset[i];
            int len = offset[i + 1] - from;
            System.arraycopy(arena, from, out, used, len);
            used += len;
            out[used++] = '\n';
        }
        return out;
    }

    /** Compares keys a and b (original indexes) by their bytes, unsigned. */
    private int compare(int a, int b) {
        return Arrays.compareUnsigned(arena, offset[a], offset[a + 1], arena, offset[b], offset[b + 1]);
    }

    /** {@link #compare} for the sort, which notes when it meets two equal keys. */
    private int compareNoting(int a, int b) {
        int c = compare(a, b);
        if (c == 0) {
            duplicates = true;
        }
        return c;
    }

    private int length(int i) {
        return offset[i + 1] - offset[i];
    }

    private int commonPrefixLength() {
        if (n == 0) {
            return 0;
        }
        int common = length(0);
        for (int i = 1; i < n && common > 0; i++) {
            int limit = Math.min(common, length(i));
            int m = Arrays.mismatch(arena, offset[0], offset[0] + limit, arena, offset[i], offset[i] + limit);
            common = m < 0 ? limit : m;
        }
        return common;
    }

    /** Bytes depth..depth+7 of key i as a big-endian long, zero bytes past its end. */
    private long eightBytesAt(int i, int depth) {
        int from = offset[i] + depth;
        int end = offset[i + 1];
        long v = 0;
        for (int p = from; p < from + 8; p++) {
            v = (v << 8) | (p < end ? arena[p] & 0xFF : 0);
        }
        return v;
    }

    private static final class Sorter {

        private final EncodedPool pool;
        private final int[] idx;
        private final long[] key;
        private final long[] tmpKey;
        private final int[] tmpIdx;
        private final int[] count = new int[256];

        Sorter(EncodedPool pool) {
            this.pool = pool;
            this.idx = pool.order;
            int n = idx.length;
            this.key = new long[n];
            this.tmpKey = new long[n];
            this.tmpIdx = new int[n];
        }

        /** Sorts idx[from, to), whose keys all share their first {@code depth} bytes. */
        void sort(int from, int to, int depth) {
            if (to - from <= INSERTION_SORT_MAX) {
                insertionSort(from, to);
                return;
            }
            for (int j = from; j < to; j++) {
                key[j] = pool.eightBytesAt(idx[j], depth);
            }
            radixSort(from, to);
            int start = from;
            for (int j = from + 1; j <= to; j++) {
                if (j == to || key[j] != key[start]) {
                    if (j - start > 1) {
                        sortTies(start, j, depth + 8);
                    }
                    start = j;
                }
            }
        }

        /** Keys in idx[from, to) agree on their first {@code depth} bytes (shorter ones padded with zero bytes). */
        private void sortTies(int from, int to, int depth) {
            boolean longer = false;
            for (int j = from; j < to && !longer; j++) {
                longer = pool.length(idx[j]) > depth;
            }
            if (longer) {
                sort(from, to, depth);
                return;
            }
            // Every key ends within the bytes compared so far: they are equal or differ only by trailing zero
            // bytes (U+0000). Rare, so a plain comparison sort is fine.
            Integer[] boxed = new Integer[to - from];
            for (int j = from; j < to; j++) {
                boxed[j - from] = idx[j];
            }
            Arrays.sort(boxed, pool::compareNoting);
            for (int j = from; j < to; j++) {
                idx[j] = boxed[j - from];
            }
        }

        private void insertionSort(int from, int to) {
            for (int j = from + 1; j < to; j++) {
                int v = idx[j];
                int p = j - 1;
                while (p >= from && pool.compareNoting(idx[p], v) > 0) {
                    idx[p + 1] = idx[p];
                    p--;
                }
                idx[p + 1] = v;
            }
        }

        /** Stable LSD radix sort of key[from, to) with idx alongside, one byte per pass, as unsigned values. */
        private void radixSort(int from, int to) {
            for (int shift = 0; shift < 64; shift += 8) {
                Arrays.fill(count, 0);
                for (int j = from; j < to; j++) {
                    count[(int) (key[j] >>> shift) & 0xFF]++;
                }
                if (count[(int) (key[from] >>> shift) & 0xFF] == to - from) {
                    continue; // every key has the same byte here
                }
                int sum = from;
                for (int d = 0; d < 256; d++) {
                    int c = count[d];
                    count[d] = sum;
                    sum += c;
                }
                for (int j = from; j < to; j++) {
                    int p = count[(int) (key[j] >>> shift) & 0xFF]++;
                    tmpKey[p] = key[j];
                    tmpIdx[p] = idx[j];
                }
                System.arraycopy(tmpKey, from, key, from, to - from);
                System.arraycopy(tmpIdx, from, idx, from, to - from);
            }
        }
    }
}
