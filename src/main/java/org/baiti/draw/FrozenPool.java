package org.baiti.draw;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * A draw's pool as frozen at commit, kept as two blobs in one {@code draw_pool} row instead of one row per entry:
 * <ul>
 * <li>{@code keys}: {@code key_1 \n key_2 \n … key_n \n} in sorted order, exactly the preimage of the pool digest
 * {@code P} (SPEC §5), so {@code P = SHA-256(keys)};</li>
 * <li>{@code display}: the {@code "pool"} array of the published record as JSON text
 * ({@code [{"key":…,"name":<masked>,"unit":…},…]}), rendered once at commit by the same JSON generator the record
 * writer uses, so the record is written by copying bytes.</li>
 * </ul>
 * An opened pool has checked that both blobs agree (same keys, same order, strictly ascending) and answers look-ups
 * by binary search over the sorted keys. Instances are immutable and may be shared between threads.
 */
final class FrozenPool {

    /** Storage of the blobs: deflate (zlib) or as they are. */
    static final String DEFLATE = "deflate";
    static final String IDENTITY = "identity";

    private static final byte[] KEY = bytes("{\"key\":\"");
    private static final byte[] NAME = bytes(",\"name\":\"");
    private static final byte[] UNIT = bytes(",\"unit\":\"");

    private final byte[] keys;
    private final int[] keyStart;   // key p is keys[keyStart[p], keyStart[p + 1] - 1), followed by '\n'
    private final byte[] display;
    private final int[] entryStart; // entry p of display starts at entryStart[p] with {"key":"

    private FrozenPool(byte[] keys, int[] keyStart, byte[] display, int[] entryStart) {
        this.keys = keys;
        this.keyStart = keyStart;
        this.display = display;
        this.entryStart = entryStart;
    }

    /** The two blobs of a pool, uncompressed. */
    record Blobs(byte[] keys, byte[] display) {
    }

    /** Thrown when the blobs are malformed or disagree with each other. */
    static final class Mismatch extends RuntimeException {
        Mismatch(String message) {
            super(message);
        }
    }

    /**
     * Renders the display blob: the entries in the order of {@code order} (original indexes, sorted by key), with the
     * already masked names and unit names, as the JSON array the published record holds. Written byte by byte with
     * the escaping of Jackson's generator (the test compares both); a string it cannot encode (an unpaired surrogate)
     * sends the whole array through the generator instead.
     */
    static byte[] display(String[] keys, String[] names, String[] units, int[] order, JsonMapper json) {
        Utf8Json out = new Utf8Json(Math.max(64, order.length * 48));
        out.raw('[');
        boolean first = true;
        for (int i : order) {
            if (!first) {
                out.raw(',');
            }
            first = false;
            out.raw(KEY);
            if (!out.string(keys[i])) {
                return displayByGenerator(keys, names, units, order, json);
            }
            out.raw(NAME);
            if (!out.string(names[i])) {
                return displayByGenerator(keys, names, units, order, json);
            }
            out.raw(UNIT);
            if (!out.string(units[i])) {
                return displayByGenerator(keys, names, units, order, json);
            }
            out.raw('}');
        }
        out.raw(']');
        return out.bytes();
    }

    static byte[] displayByGenerator(String[] keys, String[] names, String[] units, int[] order, JsonMapper json) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, order.length * 48));
        try (JsonGenerator g = json.createGenerator(out)) {
            g.writeStartArray();
            for (int i : order) {
                g.writeStartObject();
                g.writeStringProperty("key", keys[i]);
                g.writeStringProperty("name", names[i]);
                g.writeStringProperty("unit", units[i]);
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        return out.toByteArray();
    }

    /** A growing UTF-8 buffer writing JSON string contents the way Jackson's UTF-8 generator does by default. */
    private static final class Utf8Json {

        private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);

        private byte[] buf;
        private int used;

        Utf8Json(int capacity) {
            buf = new byte[capacity];
        }

        void raw(char c) {
            ensure(1);
            buf[used++] = (byte) c;
        }

        void raw(byte[] b) {
            ensure(b.length);
            System.arraycopy(b, 0, buf, used, b.length);
            used += b.length;
        }

        /** The string's content and closing quote (the opening one is part of the field prefix); false if invalid. */
        boolean string(String s) {
            int len = s.length();
            ensure(6 * len + 1);
            byte[] b = buf;
            int u = used;
            for (int i = 0; i < len; i++) {
                char c = s.charAt(i);
                if (c < 0x80) {
                    if (c >= 0x20 && c != '"' && c != '\\') {
                        b[u++] = (byte) c;
                    } else {
                        b[u++] = '\\';
                        switch (c) {
                            case '"' -> b[u++] = '"';
                            case '\\' -> b[u++] = '\\';
                            case '\b' -> b[u++] = 'b';
                            case '\t' -> b[u++] = 't';
                            case '\n' -> b[u++] = 'n';
                            case '\f' -> b[u++] = 'f';
                            case '\r' -> b[u++] = 'r';
                            default -> {
                                b[u++] = 'u';
                                b[u++] = '0';
                                b[u++] = '0';
                                b[u++] = HEX[c >> 4];
                                b[u++] = HEX[c & 0xF];
                            }
                        }
                    }
                } else if (c < 0x800) {
                    b[u++] = (byte) (0xC0 | (c >> 6));
                    b[u++] = (byte) (0x80 | (c & 0x3F));
                } else if (Character.isSurrogate(c)) {
                    char lo = i + 1 < len ? s.charAt(i + 1) : 0;
                    if (!Character.isHighSurrogate(c) || !Character.isLowSurrogate(lo)) {
                        return false;
                    }
                    int cp = Character.toCodePoint(c, lo);
                    b[u++] = (byte) (0xF0 | (cp >> 18));
                    b[u++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                    b[u++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                    b[u++] = (byte) (0x80 | (cp & 0x3F));
                    i++;
                } else {
                    b[u++] = (byte) (0xE0 | (c >> 12));
                    b[u++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                    b[u++] = (byte) (0x80 | (c & 0x3F));
                }
            }
            b[u++] = '"';
            used = u;
            return true;
        }

        private void ensure(int more) {
            if (buf.length - used < more) {
                long wanted = Math.max(2L * buf.length, (long) used + more);
                if (wanted > Integer.MAX_VALUE - 16) {
                    throw new IllegalArgumentException("pool is too large");
                }
                buf = Arrays.copyOf(buf, (int) wanted);
            }
        }

        byte[] bytes() {
            return Arrays.copyOf(buf, used);
        }
    }

    /** Deflates a blob for storage (fastest level: the blobs are text with much repetition). */
    static byte[] deflate(byte[] raw) {
        Deflater d = new Deflater(Deflater.BEST_SPEED);
        try {
            d.setInput(raw);
            d.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, raw.length / 4));
            byte[] buf = new byte[1 << 16];
            while (!d.finished()) {
                int m = d.deflate(buf);
                out.write(buf, 0, m);
            }
            return out.toByteArray();
        } finally {
            d.end();
        }
    }

    /** The stored form of a blob under the given storage. */
    static byte[] encode(byte[] raw, String compression) {
        return DEFLATE.equals(compression) ? deflate(raw) : raw;
    }

    /** A stored blob back as its bytes. */
    static byte[] decode(byte[] stored, String compression) {
        if (IDENTITY.equals(compression)) {
            return stored;
        }
        if (!DEFLATE.equals(compression)) {
            throw new Mismatch("unknown pool storage " + compression);
        }
        Inflater inf = new Inflater();
        try {
            inf.setInput(stored);
            // Inflated into chunks and copied once into an array of the exact size (a doubling array copied 2.5 times
            // the blob's 60 MB).
            java.util.List<byte[]> chunks = new java.util.ArrayList<>();
            int chunkSize = Math.max(1 << 16, Math.min(stored.length * 4, 1 << 23));
            long total = 0;
            byte[] chunk = new byte[chunkSize];
            int used = 0;
            while (!inf.finished()) {
                if (used == chunk.length) {
                    chunks.add(chunk);
                    total += used;
                    chunk = new byte[chunkSize];
                    used = 0;
                }
                int m = inf.inflate(chunk, used, chunk.length - used);
                if (m == 0 && (inf.needsInput() || inf.needsDictionary())) {
                    throw new Mismatch("truncated pool blob");
                }
                used += m;
            }
            if (chunks.isEmpty()) {
                return used == chunk.length ? chunk : Arrays.copyOf(chunk, used);
            }
            if (total + used > Integer.MAX_VALUE - 16) {
                throw new Mismatch("pool blob too large");
            }
            byte[] out = new byte[(int) (total + used)];
            int o = 0;
            for (byte[] c : chunks) {
                System.arraycopy(c, 0, out, o, c.length);
                o += c.length;
            }
            System.arraycopy(chunk, 0, out, o, used);
            return out;
        } catch (DataFormatException e) {
            throw new Mismatch("corrupt pool blob: " + e.getMessage());
        } finally {
            inf.end();
        }
    }

    /** The result of a decode run on another thread; its {@link Mismatch} is thrown here. */
    static byte[] await(java.util.concurrent.FutureTask<byte[]> decoding) {
        try {
            return decoding.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the pool", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    /**
     * Opens a pool from its uncompressed blobs, checking that the keys are lines in strictly ascending byte order and
     * that the display array lists exactly these keys in this order.
     *
     * @throws Mismatch when they are malformed or disagree
     */
    static FrozenPool open(byte[] keys, byte[] display) {
        // Keys without a quote, backslash or control character appear in the display exactly as their bytes, so each
        // is compared where it must stand instead of being scanned for its end first.
        int n = 0;
        boolean plainKeys = true;
        for (byte b : keys) {
            if (b == '\n') {
                n++;
            } else if (b >= 0 && (b < 0x20 || b == '"' || b == '\\')) {
                plainKeys = false;
            }
        }
        if (keys.length > 0 && keys[keys.length - 1] != '\n') {
            throw new Mismatch("the key blob does not end with a line feed");
        }
        int[] keyStart = new int[n + 1];
        int p = 0;
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] == '\n') {
                keyStart[++p] = i + 1;
                int from = keyStart[p - 1];
                if (i == from) {
                    throw new Mismatch("empty key at position " + (p - 1));
                }
                if (p > 1 && Arrays.compareUnsigned(keys, keyStart[p - 2], from - 1, keys, from, i) >= 0) {
                    throw new Mismatch("keys not strictly ascending at position " + (p - 1));
                }
            }
        }
        int[] entryStart = new int[n + 1];
        int o = expect(display, 0, '[');
        for (int e = 0; e < n; e++) {
            if (e > 0) {
                o = expect(display, o, ',');
            }
            entryStart[e] = o;
            o = expect(display, o, KEY);
            int kFrom = keyStart[e];
            int kTo = keyStart[e + 1] - 1;
            int end = o + kTo - kFrom;
            if (plainKeys && end < display.length && display[end] == '"'
                    && Arrays.equals(display, o, end, keys, kFrom, kTo)) {
                o = expect(display, end + 1, NAME);
                o = expect(display, endOfString(display, o) + 1, UNIT);
                o = expect(display, endOfString(display, o) + 1, '}');
                continue;
            }
            end = endOfString(display, o);
            if (!Arrays.equals(display, o, end, keys, kFrom, kTo)
                    && !unescape(display, o, end).equals(new String(keys, kFrom, kTo - kFrom, StandardCharsets.UTF_8))) {
                throw new Mismatch("display entry " + e + " does not show key " + e);
            }
            o = expect(display, end + 1, NAME);
            o = expect(display, endOfString(display, o) + 1, UNIT);
            o = expect(display, endOfString(display, o) + 1, '}');
        }
        o = expect(display, o, ']');
        if (o != display.length) {
            throw new Mismatch("display blob has trailing bytes");
        }
        entryStart[n] = o;
        return new FrozenPool(keys, keyStart, display, entryStart);
    }

    /** Number of entries. */
    int size() {
        return keyStart.length - 1;
    }

    /** The key blob: the preimage of {@code P}. */
    byte[] keyBlob() {
        return keys;
    }

    /** The key at sorted position {@code p}. */
    String key(int p) {
        return new String(keys, keyStart[p], keyStart[p + 1] - 1 - keyStart[p], StandardCharsets.UTF_8);
    }

    /** The sorted position of the key, or -1 when it is not in the pool (binary search on the UTF-8 bytes). */
    int find(String key) {
        byte[] q = key.getBytes(StandardCharsets.UTF_8);
        int lo = 0;
        int hi = size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = Arrays.compareUnsigned(keys, keyStart[mid], keyStart[mid + 1] - 1, q, 0, q.length);
            if (c < 0) {
                lo = mid + 1;
            } else if (c > 0) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        return -1;
    }

    /** The entry at sorted position {@code p}: key, masked name and unit as shown in the record. */
    DrawRecord.Entry entry(int p) {
        int o = entryStart[p] + KEY.length;
        int end = endOfString(display, o);
        o = end + 1 + NAME.length;
        int nameEnd = endOfString(display, o);
        String name = unescape(display, o, nameEnd);
        o = nameEnd + 1 + UNIT.length;
        String unit = unescape(display, o, endOfString(display, o));
        return new DrawRecord.Entry(p, key(p), name, unit);
    }

    /** Bytes of the display blob. */
    int displayLength() {
        return display.length;
    }

    /** Writes the display blob (the record's pool array). */
    void writeDisplay(OutputStream out) throws IOException {
        out.write(display);
    }

    /** Bytes held, for the cache's bookkeeping. */
    long footprint() {
        return (long) keys.length + display.length + 4L * (keyStart.length + entryStart.length);
    }

    private static int expect(byte[] d, int o, char c) {
        if (o >= d.length || d[o] != c) {
            throw new Mismatch("malformed display blob at byte " + o);
        }
        return o + 1;
    }

    private static int expect(byte[] d, int o, byte[] what) {
        if (o + what.length > d.length) {
            throw new Mismatch("malformed display blob at byte " + o);
        }
        for (int i = 0; i < what.length; i++) {
            if (d[o + i] != what[i]) {
                throw new Mismatch("malformed display blob at byte " + o);
            }
        }
        return o + what.length;
    }

    /** Index of the quote closing the JSON string whose content starts at {@code o}. */
    private static int endOfString(byte[] d, int o) {
        for (int i = o; i < d.length; i++) {
            byte b = d[i];
            if (b == '\\') {
                i++;
            } else if (b == '"') {
                return i;
            }
        }
        throw new Mismatch("unterminated string in display blob");
    }

    /** The content of a JSON string (bytes between the quotes) as text. */
    static String unescape(byte[] d, int from, int to) {
        String s = new String(d, from, to - from, StandardCharsets.UTF_8);
        int bs = s.indexOf('\\');
        if (bs < 0) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length());
        sb.append(s, 0, bs);
        for (int i = bs; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            if (++i >= s.length()) {
                throw new Mismatch("bad escape in display blob");
            }
            char e = s.charAt(i);
            switch (e) {
                case '"', '\\', '/' -> sb.append(e);
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'n' -> sb.append('\n');
                case 'r' -> sb.append('\r');
                case 't' -> sb.append('\t');
                case 'u' -> {
                    if (i + 5 > s.length()) {
                        throw new Mismatch("bad escape in display blob");
                    }
                    try {
                        sb.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
                    } catch (RuntimeException ex) {
                        throw new Mismatch("bad escape in display blob");
                    }
                    i += 4;
                }
                default -> throw new Mismatch("bad escape in display blob");
            }
        }
        return sb.toString();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** For tests and the record writer: the display blob itself. */
    byte[] displayBlob() {
        return display;
    }
}
