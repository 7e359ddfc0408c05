package org.baiti.draw;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;

import org.baiti.person.Phones;

/**
 * The candidates of a pool as read from the database, column by column in UTF-8 bytes, with no object per row: the
 * key of candidate i (raw UTF-8), its masked name and the index of its unit, both already as JSON string content
 * (escaped as Jackson's generator escapes them). The display blob of the frozen pool is then rendered by copying bytes
 * ({@link #display}).
 * <p>
 * The readers hand over each field either as a slice of the bytes they read (when it needs no unescaping) or, for the
 * rare field that does, as a String; both give the same bytes. A name is masked on its bytes when its first and last
 * code points are not white space ({@link Phones#maskName} would strip them) and its first character needs no JSON
 * escape; any other name goes through {@link Phones#maskName} itself.
 */
final class PoolCandidates {

    private static final byte[] KEY = bytes("{\"key\":\"");
    private static final byte[] NAME = bytes("\",\"name\":\"");
    private static final byte[] UNIT = bytes("\",\"unit\":\"");
    private static final byte[] END = bytes("\"}");
    private static final byte[] HEX = bytes("0123456789ABCDEF");

    private final int size;
    private final byte[] keys;
    private final int[] keyOffset;    // key i is keys[keyOffset[i], keyOffset[i + 1])
    private final byte[] names;
    private final int[] nameOffset;   // masked name i, JSON-escaped
    private final int[] unit;         // index into units
    private final byte[][] units;     // unit names, JSON-escaped
    private final int firstInvalidKey;

    private PoolCandidates(Builder b) {
        this.size = b.n;
        this.keys = b.keys;
        this.keyOffset = Arrays.copyOf(b.keyOffset, b.n + 1);
        this.names = b.names;
        this.nameOffset = Arrays.copyOf(b.nameOffset, b.n + 1);
        this.unit = Arrays.copyOf(b.unit, b.n);
        this.units = Arrays.copyOf(b.unitJson, b.unitCount);
        this.firstInvalidKey = b.firstInvalidKey;
    }

    int size() {
        return size;
    }

    /** All keys in read order, UTF-8, back to back (see {@link #keyOffsets()}). */
    byte[] keyBytes() {
        return keys;
    }

    /** Key i is {@code keyBytes()[keyOffsets()[i], keyOffsets()[i + 1])}; n + 1 elements. */
    int[] keyOffsets() {
        return keyOffset;
    }

    /** Index of the first key that is empty, holds a line feed or an unpaired surrogate; -1 if none. */
    int firstInvalidKey() {
        return firstInvalidKey;
    }

    /** Key i as text (for messages). */
    String key(int i) {
        return new String(keys, keyOffset[i], keyOffset[i + 1] - keyOffset[i], StandardCharsets.UTF_8);
    }

    /**
     * The pool array of the published record, {@code [{"key":…,"name":…,"unit":…},…]}, entries in the given order
     * (original indexes): the bytes Jackson's generator writes for the same strings.
     */
    byte[] display(int[] order) {
        long total = 2;
        for (int i = 0; i < size; i++) {
            total += KEY.length + NAME.length + UNIT.length + END.length + 1
                    + escapedLength(keys, keyOffset[i], keyOffset[i + 1])
                    + nameOffset[i + 1] - nameOffset[i] + units[unit[i]].length;
        }
        if (size > 0) {
            total--;
        }
        if (total > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("pool is too large");
        }
        byte[] out = new byte[(int) total];
        int o = 0;
        out[o++] = '[';
        boolean first = true;
        for (int i : order) {
            if (!first) {
                out[o++] = ',';
            }
            first = false;
            o = put(out, o, KEY);
            o = escape(keys, keyOffset[i], keyOffset[i + 1], out, o);
            o = put(out, o, NAME);
            int from = nameOffset[i];
            int len = nameOffset[i + 1] - from;
            System.arraycopy(names, from, out, o, len);
            o += len;
            o = put(out, o, UNIT);
            o = put(out, o, units[unit[i]]);
            o = put(out, o, END);
        }
        out[o++] = ']';
        if (o != out.length) {
            throw new IllegalStateException("display length " + o + " != " + out.length);
        }
        return out;
    }

    private static int put(byte[] out, int o, byte[] b) {
        System.arraycopy(b, 0, out, o, b.length);
        return o + b.length;
    }

    private static boolean plain(byte b) {
        return b < 0 || (b >= 0x20 && b != '"' && b != '\\');
    }

    /** Length of UTF-8 bytes as JSON string content (escapes as Jackson writes them). */
    private static int escapedLength(byte[] d, int from, int to) {
        int len = to - from;
        for (int i = from; i < to; i++) {
            byte b = d[i];
            if (!plain(b)) {
                len += switch (b) {
                    case '"', '\\', '\b', '\t', '\n', '\f', '\r' -> 1;
                    default -> 5;
                };
            }
        }
        return len;
    }

    /** Copies UTF-8 bytes as JSON string content, escaping like Jackson's generator; returns the new end. */
    private static int escape(byte[] d, int from, int to, byte[] out, int o) {
        for (int i = from; i < to; i++) {
            byte b = d[i];
            if (plain(b)) {
                out[o++] = b;
                continue;
            }
            out[o++] = '\\';
            switch (b) {
                case '"' -> out[o++] = '"';
                case '\\' -> out[o++] = '\\';
                case '\b' -> out[o++] = 'b';
                case '\t' -> out[o++] = 't';
                case '\n' -> out[o++] = 'n';
                case '\f' -> out[o++] = 'f';
                case '\r' -> out[o++] = 'r';
                default -> {
                    out[o++] = 'u';
                    out[o++] = '0';
                    out[o++] = '0';
                    out[o++] = HEX[b >> 4];
                    out[o++] = HEX[b & 0xF];
                }
            }
        }
        return o;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Collects candidates row by row: per row {@link #key}, {@link #name} and {@link #unit}, each once, in that order.
     * {@code unitNames} maps unit codes to names (a code without a name shows as itself); {@code jsonString} renders
     * a String as a JSON string literal with its quotes, as the record's generator would (used for unit names, once
     * per unit, and for names that cannot be masked on their bytes).
     */
    static final class Builder {

        private final Map<String, String> unitNames;
        private final Function<String, byte[]> jsonString;

        private int n;
        private byte[] keys;
        private int keysUsed;
        private int[] keyOffset;
        private byte[] names;
        private int namesUsed;
        private int[] nameOffset;
        private int[] unit;
        private int firstInvalidKey = -1;

        // unit codes seen so far: open addressing over their UTF-8 bytes
        private byte[][] unitCode = new byte[16][];
        private byte[][] unitJson = new byte[16][];
        private int unitCount;
        private int[] slots = new int[64]; // unit index + 1, 0 = free

        /** {@code expectedRows} only sizes the first buffers. */
        Builder(int expectedRows, Map<String, String> unitNames, Function<String, byte[]> jsonString) {
            this.unitNames = unitNames;
            this.jsonString = jsonString;
            int rows = Math.max(1024, expectedRows);
            keys = new byte[rows * 12];
            names = new byte[rows * 8];
            keyOffset = new int[rows + 1];
            nameOffset = new int[rows + 1];
            unit = new int[rows];
        }

        /** The key of the next row as UTF-8 bytes {@code d[from, to)}. */
        Builder key(byte[] d, int from, int to) {
            if (!Utf8.valid(d, from, to)) {
                return key(new String(d, from, to - from, StandardCharsets.UTF_8));
            }
            if (n + 1 >= keyOffset.length) {
                grow();
            }
            int len = to - from;
            ensureKeys(len);
            System.arraycopy(d, from, keys, keysUsed, len);
            keyOffset[n] = keysUsed;
            keysUsed += len;
            if (firstInvalidKey < 0 && (len == 0 || indexOf(d, from, to, (byte) '\n') >= 0)) {
                firstInvalidKey = n;
            }
            return this;
        }

        /** The key of the next row as text (a key that had to be unescaped). */
        Builder key(String s) {
            if (firstInvalidKey < 0 && DrawAlgorithm.hasUnpairedSurrogate(s)) {
                firstInvalidKey = n;
            }
            // String.getBytes writes '?' for an unpaired surrogate, as EncodedPool does
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            return key(b, 0, b.length);
        }

        /** The full name of the row as UTF-8 bytes {@code d[from, to)}; masked here. */
        Builder name(byte[] d, int from, int to) {
            int count = Utf8.codePoints(d, from, to);
            if (count <= 0 || !plain(d[from]) || Utf8.whitespaceAt(d, from)
                    || Utf8.whitespaceBefore(d, from, to)) {
                return name(new String(d, from, to - from, StandardCharsets.UTF_8));
            }
            int first = Utf8.length(d[from]);
            int stars = Math.max(1, count - 1);
            ensureNames(first + stars);
            System.arraycopy(d, from, names, namesUsed, first);
            Arrays.fill(names, namesUsed + first, namesUsed + first + stars, (byte) '*');
            nameOffset[n] = namesUsed;
            namesUsed += first + stars;
            return this;
        }

        /** The full name of the row as text; masked here. */
        Builder name(String s) {
            byte[] literal = jsonString.apply(Phones.maskName(s));
            int len = literal.length - 2;
            ensureNames(len);
            System.arraycopy(literal, 1, names, namesUsed, len);
            nameOffset[n] = namesUsed;
            namesUsed += len;
            return this;
        }

        /** The unit code of the row as UTF-8 bytes {@code d[from, to)}; ends the row. */
        Builder unit(byte[] d, int from, int to) {
            int h = 0;
            for (int i = from; i < to; i++) {
                h = 31 * h + d[i];
            }
            int mask = slots.length - 1;
            int s = (h ^ (h >>> 16)) & mask;
            while (slots[s] != 0) {
                byte[] code = unitCode[slots[s] - 1];
                if (Arrays.equals(code, 0, code.length, d, from, to)) {
                    unit[n++] = slots[s] - 1;
                    return this;
                }
                s = (s + 1) & mask;
            }
            if (unitCount == unitCode.length) {
                unitCode = Arrays.copyOf(unitCode, unitCount * 2);
                unitJson = Arrays.copyOf(unitJson, unitCount * 2);
            }
            String code = new String(d, from, to - from, StandardCharsets.UTF_8);
            String name = unitNames.get(code);
            byte[] literal = jsonString.apply(name == null ? code : name);
            unitCode[unitCount] = Arrays.copyOfRange(d, from, to);
            unitJson[unitCount] = Arrays.copyOfRange(literal, 1, literal.length - 1);
            slots[s] = ++unitCount;
            if (2 * unitCount > slots.length) {
                rehash();
            }
            unit[n++] = unitCount - 1;
            return this;
        }

        /** The unit code of the row as text; ends the row. */
        Builder unit(String code) {
            byte[] b = code.getBytes(StandardCharsets.UTF_8);
            return unit(b, 0, b.length);
        }

        PoolCandidates build() {
            keyOffset[n] = keysUsed;
            nameOffset[n] = namesUsed;
            return new PoolCandidates(this);
        }

        private void rehash() {
            slots = new int[slots.length * 2];
            int mask = slots.length - 1;
            for (int u = 0; u < unitCount; u++) {
                int h = 0;
                for (byte b : unitCode[u]) {
                    h = 31 * h + b;
                }
                int s = (h ^ (h >>> 16)) & mask;
                while (slots[s] != 0) {
                    s = (s + 1) & mask;
                }
                slots[s] = u + 1;
            }
        }

        private void grow() {
            int capacity = unit.length * 2;
            keyOffset = Arrays.copyOf(keyOffset, capacity + 1);
            nameOffset = Arrays.copyOf(nameOffset, capacity + 1);
            unit = Arrays.copyOf(unit, capacity);
        }

        private void ensureKeys(int more) {
            if (keys.length - keysUsed < more) {
                keys = Arrays.copyOf(keys, newCapacity(keys.length, keysUsed, more));
            }
        }

        private void ensureNames(int more) {
            if (names.length - namesUsed < more) {
                names = Arrays.copyOf(names, newCapacity(names.length, namesUsed, more));
            }
        }

        private static int newCapacity(int length, int used, int more) {
            long wanted = Math.max(2L * length, (long) used + more);
            if (wanted > Integer.MAX_VALUE - 16) {
                throw new IllegalArgumentException("pool is too large");
            }
            return (int) wanted;
        }

        private static int indexOf(byte[] d, int from, int to, byte b) {
            for (int i = from; i < to; i++) {
                if (d[i] == b) {
                    return i;
                }
            }
            return -1;
        }
    }

    /** What the builder needs to know about UTF-8 bytes. */
    static final class Utf8 {

        private Utf8() {
        }

        /** Bytes of the sequence led by {@code lead} (1 for anything that is not a lead byte). */
        static int length(byte lead) {
            int b = lead & 0xFF;
            return b < 0xC0 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
        }

        /** Whether {@code d[from, to)} is well-formed UTF-8 as Java's decoder accepts it (no replacement needed). */
        static boolean valid(byte[] d, int from, int to) {
            return codePoints(d, from, to) >= 0;
        }

        /** Code points in well-formed UTF-8 {@code d[from, to)}; -1 when it is not well-formed. */
        static int codePoints(byte[] d, int from, int to) {
            int count = 0;
            int i = from;
            while (i < to) {
                int b = d[i] & 0xFF;
                if (b < 0x80) {
                    i++;
                } else if (b < 0xC2) {
                    return -1;
                } else if (b < 0xE0) {
                    if (i + 1 >= to || !continuation(d[i + 1])) {
                        return -1;
                    }
                    i += 2;
                } else if (b < 0xF0) {
                    if (i + 2 >= to || !continuation(d[i + 1]) || !continuation(d[i + 2])) {
                        return -1;
                    }
                    int c1 = d[i + 1] & 0xFF;
                    if ((b == 0xE0 && c1 < 0xA0) || (b == 0xED && c1 >= 0xA0)) {
                        return -1; // overlong, or a surrogate
                    }
                    i += 3;
                } else if (b < 0xF5) {
                    if (i + 3 >= to || !continuation(d[i + 1]) || !continuation(d[i + 2])
                            || !continuation(d[i + 3])) {
                        return -1;
                    }
                    int c1 = d[i + 1] & 0xFF;
                    if ((b == 0xF0 && c1 < 0x90) || (b == 0xF4 && c1 >= 0x90)) {
                        return -1; // overlong, or beyond U+10FFFF
                    }
                    i += 4;
                } else {
                    return -1;
                }
                count++;
            }
            return count;
        }

        private static boolean continuation(byte b) {
            return (b & 0xC0) == 0x80;
        }

        /** Whether the code point starting at {@code i} (well-formed) is white space to {@link String#strip()}. */
        static boolean whitespaceAt(byte[] d, int i) {
            return Character.isWhitespace(codePointAt(d, i));
        }

        /** Whether the last code point of well-formed, non-empty {@code d[from, to)} is white space. */
        static boolean whitespaceBefore(byte[] d, int from, int to) {
            int i = to - 1;
            while (i > from && (d[i] & 0xC0) == 0x80) {
                i--;
            }
            return whitespaceAt(d, i);
        }

        private static int codePointAt(byte[] d, int i) {
            int b = d[i] & 0xFF;
            return switch (length(d[i])) {
                case 1 -> b;
                case 2 -> ((b & 0x1F) << 6) | (d[i + 1] & 0x3F);
                case 3 -> ((b & 0x0F) << 12) | ((d[i + 1] & 0x3F) << 6) | (d[i + 2] & 0x3F);
                default -> ((b & 0x07) << 18) | ((d[i + 1] & 0x3F) << 12) | ((d[i + 2] & 0x3F) << 6)
                        | (d[i + 3] & 0x3F);
            };
        }
    }
}
