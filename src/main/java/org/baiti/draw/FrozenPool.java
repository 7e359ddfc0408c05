package org.baiti.draw;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * A draw's pool as frozen at commit, kept as two blobs in one {@code draw_pool} row:
 * <ul>
 * <li>{@code keys}: {@code key_1 \n key_2 \n … key_n \n} in sorted order, exactly the preimage of the pool digest
 * {@code P} (SPEC §5), so {@code P = SHA-256(keys)};</li>
 * <li>{@code display}: the {@code "pool"} array of the published record ({@code [{"key":…,"name":<masked>,"unit":…},…]})
 * as written once at commit by the record's JSON generator, so the record copies it.</li>
 * </ul>
 * An opened pool has checked that both blobs agree (same keys, same order, strictly ascending) and answers look-ups
 * by binary search over the sorted keys. Instances are immutable and may be shared between threads.
 */
final class FrozenPool {

    /** How the blobs are stored (the {@code compression} column): zlib. */
    static final String DEFLATE = "deflate";

    private final byte[] keys;
    private final int[] keyStart;   // key p is keys[keyStart[p], keyStart[p + 1] - 1), followed by '\n'
    private final byte[] display;
    private final int[] entryStart; // entry p of display is the object starting at byte entryStart[p]
    private final JsonMapper json;

    private FrozenPool(byte[] keys, int[] keyStart, byte[] display, int[] entryStart, JsonMapper json) {
        this.keys = keys;
        this.keyStart = keyStart;
        this.display = display;
        this.entryStart = entryStart;
        this.json = json;
    }

    /** Thrown when the blobs are malformed or disagree with each other. */
    static final class Mismatch extends RuntimeException {
        Mismatch(String message) {
            super(message);
        }
    }

    /**
     * Writes both blobs of a pool in one pass over its entries, which come in strictly ascending byte order of their
     * keys (the order the database reads them in): no list of entries is kept. What it writes is a pool already open
     * (its positions noted on the way), which the commit hands to the cache.
     */
    static final class Writer {

        private final JsonMapper json;
        private final ByteArrayOutputStream keys;
        private final ByteArrayOutputStream display;
        private final JsonGenerator generator;
        private int[] keyStart;
        private int[] entryStart;
        private byte[] last;
        private int size;

        /** {@code expected}: about how many entries will come (sizes the buffers once instead of doubling them). */
        Writer(JsonMapper json, int expected) {
            this.json = json;
            keys = new ByteArrayOutputStream(Math.max(64, expected * 16));
            display = new ByteArrayOutputStream(Math.max(64, expected * 80));
            keyStart = new int[Math.max(16, expected + 1)];
            entryStart = new int[keyStart.length];
            generator = json.createGenerator(display);
            generator.writeStartArray();
        }

        /** @throws IllegalStateException when the key is not after the previous one in byte order */
        void add(Draws.Candidate c) {
            byte[] key = c.key().getBytes(StandardCharsets.UTF_8);
            if (last != null && Arrays.compareUnsigned(last, key) >= 0) {
                throw new IllegalStateException("pool entries not in strictly ascending byte order at " + size);
            }
            last = key;
            if (size + 1 == keyStart.length) {
                keyStart = Arrays.copyOf(keyStart, 2 * keyStart.length);
                entryStart = Arrays.copyOf(entryStart, keyStart.length);
            }
            keyStart[size] = keys.size();
            keys.writeBytes(key);
            keys.write('\n');
            generator.writeStartObject();
            entryStart[size] = display.size() + generator.streamWriteOutputBuffered() - 1; // at the '{' just written
            generator.writeStringProperty("key", c.key());
            generator.writeStringProperty("name", c.name());
            generator.writeStringProperty("unit", c.unit());
            generator.writeEndObject();
            size++;
        }

        int size() {
            return size;
        }

        /** Ends the writing: the pool as written, its blobs the ones to store. */
        FrozenPool finish() {
            generator.writeEndArray();
            generator.close();
            keyStart[size] = keys.size();
            return new FrozenPool(keys.toByteArray(), Arrays.copyOf(keyStart, size + 1), display.toByteArray(),
                    Arrays.copyOf(entryStart, size), json);
        }
    }

    /** The stored form of a blob: deflated at zlib's fastest level (a tenth of the size, and faster to store). */
    static byte[] deflate(byte[] raw) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, raw.length / 8));
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        try (DeflaterOutputStream z = new DeflaterOutputStream(out, deflater, 1 << 16)) {
            z.write(raw);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deflater.end();
        }
        return out.toByteArray();
    }

    /** A stored blob back as its bytes. */
    static byte[] inflate(byte[] stored, String compression) {
        if (!DEFLATE.equals(compression)) {
            throw new Mismatch("unknown pool storage " + compression);
        }
        try (InflaterInputStream in = new InflaterInputStream(new ByteArrayInputStream(stored), new Inflater(), 1 << 16)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new Mismatch("corrupt pool blob: " + e.getMessage());
        }
    }

    /**
     * Opens a pool from its uncompressed blobs, checking that the keys are lines in strictly ascending byte order and
     * that the display array lists exactly these keys in this order, each with a name and a unit.
     *
     * @throws Mismatch when they are malformed or disagree
     */
    static FrozenPool open(byte[] keys, byte[] display, JsonMapper json) {
        if (keys.length > 0 && keys[keys.length - 1] != '\n') {
            throw new Mismatch("the key blob does not end with a line feed");
        }
        int n = 0;
        for (byte b : keys) {
            if (b == '\n') {
                n++;
            }
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
        int[] entryStart = new int[n];
        try (JsonParser parser = json.createParser(display)) {
            expect(parser, JsonToken.START_ARRAY);
            for (int e = 0; e < n; e++) {
                expect(parser, JsonToken.START_OBJECT);
                entryStart[e] = Math.toIntExact(parser.currentTokenLocation().getByteOffset());
                byte[] key = field(parser, "key").getString().getBytes(StandardCharsets.UTF_8);
                if (!Arrays.equals(key, 0, key.length, keys, keyStart[e], keyStart[e + 1] - 1)) {
                    throw new Mismatch("display entry " + e + " does not show key " + e);
                }
                field(parser, "name"); // checked, not decoded
                field(parser, "unit");
                expect(parser, JsonToken.END_OBJECT);
            }
            expect(parser, JsonToken.END_ARRAY);
            if (parser.currentLocation().getByteOffset() != display.length) {
                throw new Mismatch("display blob has trailing bytes");
            }
        } catch (JacksonException e) {
            throw new Mismatch("malformed display blob: " + e.getOriginalMessage());
        }
        return new FrozenPool(keys, keyStart, display, entryStart, json);
    }

    private static void expect(JsonParser parser, JsonToken token) {
        if (parser.nextToken() != token) {
            throw new Mismatch("malformed display blob at byte " + parser.currentTokenLocation().getByteOffset());
        }
    }

    /** Moves to the next property, which must be {@code name} with a string value (then at the parser's token). */
    private static JsonParser field(JsonParser parser, String name) {
        if (parser.nextToken() != JsonToken.PROPERTY_NAME || !name.equals(parser.currentName())
                || parser.nextToken() != JsonToken.VALUE_STRING) {
            throw new Mismatch("malformed display blob at byte " + parser.currentTokenLocation().getByteOffset());
        }
        return parser;
    }

    /** Number of entries. */
    int size() {
        return entryStart.length;
    }

    /** The key blob: the preimage of {@code P}. */
    byte[] keyBlob() {
        return keys;
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
        try (JsonParser parser = json.createParser(display, entryStart[p], display.length - entryStart[p])) {
            expect(parser, JsonToken.START_OBJECT);
            String key = field(parser, "key").getString();
            String name = field(parser, "name").getString();
            return new DrawRecord.Entry(p, key, name, field(parser, "unit").getString());
        }
    }

    /** The display blob: the record's pool array. */
    byte[] displayBlob() {
        return display;
    }
}
