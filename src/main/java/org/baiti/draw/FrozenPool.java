package org.baiti.draw;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
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
 * A draw's pool as frozen at commit: the {@code "pool"} array of the published record
 * ({@code [{"key":…,"name":<masked>,"unit":…},…]}), written once by the record's JSON generator in the sorted order of
 * the keys and stored as one blob ({@code draw_pool.pool_display}), so the record copies it. Its keys give the pool
 * digest {@code P = SHA-256(key_1 \n … key_n \n)} (SPEC §5) the way a verifier of the record computes it.
 * <p>
 * A pool is made by a {@link Writer} or opened from its blob ({@link #open}), which checks that the keys are valid and
 * strictly ascending by their UTF-8 bytes and computes {@code P} again. Look-ups are binary searches over the entries.
 * Instances are immutable and may be shared between threads.
 */
final class FrozenPool {

    /** How the blob is stored (the {@code compression} column): zlib. */
    static final String DEFLATE = "deflate";

    private final byte[] display;
    private final int[] entryStart; // entry p is the object starting at byte entryStart[p]
    private final byte[] digest;
    private final JsonMapper json;

    private FrozenPool(byte[] display, int[] entryStart, byte[] digest, JsonMapper json) {
        this.display = display;
        this.entryStart = entryStart;
        this.digest = digest;
        this.json = json;
    }

    /** Thrown when a blob is malformed. */
    static final class Mismatch extends RuntimeException {
        Mismatch(String message) {
            super(message);
        }
    }

    /**
     * Writes a pool in one pass over its entries, which come in strictly ascending byte order of their keys (the order
     * the database reads them in): no list of entries is kept, and {@code P} is computed on the way.
     */
    static final class Writer {

        private final JsonMapper json;
        private final ByteArrayOutputStream display;
        private final JsonGenerator generator;
        private final MessageDigest sha = DrawAlgorithm.sha256();
        private int[] entryStart;
        private String last;
        private int size;

        /** {@code expected}: about how many entries will come (sizes the buffers once instead of doubling them). */
        Writer(JsonMapper json, int expected) {
            this.json = json;
            display = new ByteArrayOutputStream(Math.max(64, expected * 80));
            entryStart = new int[Math.max(16, expected)];
            generator = json.createGenerator(display);
            generator.writeStartArray();
        }

        /** @throws IllegalStateException when the key is not after the previous one in byte order */
        void add(Draws.Candidate c) {
            if (last != null && DrawAlgorithm.compareUtf8(last, c.key()) >= 0) {
                throw new IllegalStateException("pool entries not in strictly ascending byte order at " + size);
            }
            last = c.key();
            sha.update(c.key().getBytes(StandardCharsets.UTF_8));
            sha.update((byte) '\n');
            if (size == entryStart.length) {
                entryStart = Arrays.copyOf(entryStart, 2 * size);
            }
            generator.writeStartObject();
            entryStart[size++] = display.size() + generator.streamWriteOutputBuffered() - 1; // at the '{' just written
            generator.writeStringProperty("key", c.key());
            generator.writeStringProperty("name", c.name());
            generator.writeStringProperty("unit", c.unit());
            generator.writeEndObject();
        }

        int size() {
            return size;
        }

        /** Ends the writing: the pool as written, its blob the one to store. */
        FrozenPool finish() {
            generator.writeEndArray();
            generator.close();
            return new FrozenPool(display.toByteArray(), Arrays.copyOf(entryStart, size), sha.digest(), json);
        }
    }

    /** The stored form of the blob: deflated at zlib's fastest level (a tenth of the size, and faster to store). */
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
     * Opens a pool from its uncompressed blob, checking that it is an array of entries with a key, a name and a unit,
     * the keys valid and strictly ascending by their UTF-8 bytes, and computing {@code P} from the keys.
     *
     * @throws Mismatch when the blob is malformed
     */
    static FrozenPool open(byte[] display, JsonMapper json) {
        MessageDigest sha = DrawAlgorithm.sha256();
        int[] entryStart = new int[16];
        int n = 0;
        try (JsonParser parser = json.createParser(display)) {
            expect(parser, JsonToken.START_ARRAY);
            String last = null;
            while (parser.nextToken() == JsonToken.START_OBJECT) {
                if (n == entryStart.length) {
                    entryStart = Arrays.copyOf(entryStart, 2 * n);
                }
                entryStart[n] = Math.toIntExact(parser.currentTokenLocation().getByteOffset());
                String key = field(parser, "key").getString();
                String problem = DrawAlgorithm.keyProblem(key);
                if (problem != null || last != null && DrawAlgorithm.compareUtf8(last, key) >= 0) {
                    throw new Mismatch("key " + n + (problem != null ? " " + problem : " not after the one before"));
                }
                sha.update(key.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) '\n');
                last = key;
                field(parser, "name"); // checked, not decoded
                field(parser, "unit");
                expect(parser, JsonToken.END_OBJECT);
                n++;
            }
            if (parser.currentToken() != JsonToken.END_ARRAY
                    || parser.currentLocation().getByteOffset() != display.length) {
                throw new Mismatch("malformed pool blob at byte " + parser.currentTokenLocation().getByteOffset());
            }
        } catch (JacksonException e) {
            throw new Mismatch("malformed pool blob: " + e.getOriginalMessage());
        }
        return new FrozenPool(display, Arrays.copyOf(entryStart, n), sha.digest(), json);
    }

    private static void expect(JsonParser parser, JsonToken token) {
        if (parser.nextToken() != token) {
            throw new Mismatch("malformed pool blob at byte " + parser.currentTokenLocation().getByteOffset());
        }
    }

    /** Moves to the next property, which must be {@code name} with a string value (then at the parser's token). */
    private static JsonParser field(JsonParser parser, String name) {
        if (parser.nextToken() != JsonToken.PROPERTY_NAME || !name.equals(parser.currentName())
                || parser.nextToken() != JsonToken.VALUE_STRING) {
            throw new Mismatch("malformed pool blob at byte " + parser.currentTokenLocation().getByteOffset());
        }
        return parser;
    }

    /** Number of entries. */
    int size() {
        return entryStart.length;
    }

    /** The pool digest {@code P} of the keys. */
    byte[] digest() {
        return digest.clone();
    }

    /** The sorted position of the key, or -1 when it is not in the pool (binary search in UTF-8 byte order). */
    int find(String key) {
        int lo = 0;
        int hi = size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = DrawAlgorithm.compareUtf8(entry(mid).key(), key);
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

    /** The blob: the record's pool array. */
    byte[] displayBlob() {
        return display;
    }
}
