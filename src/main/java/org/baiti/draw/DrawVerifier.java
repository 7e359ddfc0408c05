package org.baiti.draw;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Recomputes a published {@code baiti-draw-v1} record from its pool, {@code k} and seed, and lists every difference
 * from what the record states ({@code baiti draw verify FILE}). The record is read strictly (duplicate keys and
 * trailing content refused: a verifier must not guess which value counts). {@code tools/VerifyDraw.java} is the same
 * check with nothing but the JDK, for outsiders.
 */
public final class DrawVerifier {

    /** At most this many invalid keys are named one by one. */
    private static final int MAX_LISTED = 10;

    private static final JsonMapper STRICT = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private DrawVerifier() {
    }

    /** The fields of a published draw record that the verifier checks (other fields are ignored). */
    public record PublishedDraw(String algorithm, String poolDigest, int n, int k, List<String> poolKeys,
                                List<String> seed, String seedDigest, List<String> winners) {

        /** Copies the lists; lists and their elements must not be null. */
        public PublishedDraw {
            poolKeys = List.copyOf(poolKeys);
            seed = List.copyOf(seed);
            winners = List.copyOf(winners);
        }
    }

    /** What kind of statement in the record did not hold. */
    public enum Kind {
        /** The algorithm is not {@code baiti-draw-v1}. */
        ALGORITHM,
        /** A pool key is empty, contains a line feed or an unpaired surrogate. */
        POOL_KEY,
        /** The pool is not sorted ascending by UTF-8 bytes, or has duplicate keys. */
        POOL_ORDER,
        /** {@code n} is not the number of pool entries. */
        N,
        /** {@code k} is not within {@code 0..n}. */
        K,
        /** The seed has no strings. */
        SEED,
        /** The pool digest is not {@code P} of the pool. */
        POOL_DIGEST,
        /** The seed digest is not {@code D} of the pool digest, {@code k} and seed. */
        SEED_DIGEST,
        /** The winners are not the ones the algorithm selects. */
        WINNERS
    }

    /** One statement of the record that did not hold, with a message for people. */
    public record Difference(Kind kind, String message) {

        @Override
        public String toString() {
            return message;
        }
    }

    /** The outcome of a verification: verified when there is no difference. */
    public record Result(List<Difference> differences, String recomputedPoolDigest, String recomputedSeedDigest,
                         List<String> recomputedWinners) {

        /** Copies the lists. */
        public Result {
            differences = List.copyOf(differences);
            recomputedWinners = recomputedWinners == null ? null : List.copyOf(recomputedWinners);
        }

        /** True when every checked statement of the record holds. */
        public boolean verified() {
            return differences.isEmpty();
        }

        /** True when some difference is of the given kind. */
        public boolean has(Kind kind) {
            return differences.stream().anyMatch(d -> d.kind() == kind);
        }
    }

    /**
     * Parses a published record (JSON) and verifies it.
     *
     * @throws IllegalArgumentException if the text is not JSON or lacks a required field or has one of the wrong type
     */
    public static Result verifyJson(String json) {
        return verify(parse(json));
    }

    /**
     * Reads the checked fields of a published record (JSON); other fields are ignored.
     *
     * @throws IllegalArgumentException if the text is not JSON or lacks a required field or has one of the wrong type
     */
    public static PublishedDraw parse(String json) {
        Objects.requireNonNull(json, "json");
        Object root;
        try {
            root = STRICT.readValue(json.startsWith("\uFEFF") ? json.substring(1) : json, Object.class);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("invalid JSON: " + e.getOriginalMessage(), e);
        }
        if (!(root instanceof Map<?, ?> record)) {
            throw new IllegalArgumentException("invalid draw record: the JSON value is not an object");
        }
        List<Object> pool = array(record, "pool");
        List<String> keys = new ArrayList<>(pool.size());
        for (int i = 0; i < pool.size(); i++) {
            if (!(pool.get(i) instanceof Map<?, ?> entry) || !(entry.get("key") instanceof String key)) {
                throw new IllegalArgumentException(
                        "invalid draw record: pool[" + i + "] is not an object with a string \"key\"");
            }
            keys.add(key);
        }
        return new PublishedDraw(string(record, "algorithm"), string(record, "poolDigest"), integer(record, "n"),
                integer(record, "k"), keys, strings(record, "seed"), string(record, "seedDigest"),
                strings(record, "winners"));
    }

    /** Recomputes the draw from the record's pool, {@code k} and seed and compares every stated value. */
    public static Result verify(PublishedDraw draw) {
        Objects.requireNonNull(draw, "draw");
        List<Difference> out = new ArrayList<>();

        if (!DrawAlgorithm.ALGORITHM.equals(draw.algorithm())) {
            out.add(new Difference(Kind.ALGORITHM, "algorithm is " + quote(draw.algorithm()) + ", not "
                    + quote(DrawAlgorithm.ALGORITHM)));
        }

        List<String> listed = draw.poolKeys();
        int invalid = 0;
        for (int i = 0; i < listed.size(); i++) {
            String problem = DrawAlgorithm.keyProblem(listed.get(i));
            if (problem != null && ++invalid <= MAX_LISTED) {
                out.add(new Difference(Kind.POOL_KEY, "pool key at position " + i + " " + quote(listed.get(i)) + " "
                        + problem));
            }
        }
        if (invalid > MAX_LISTED) {
            out.add(new Difference(Kind.POOL_KEY, "... and " + (invalid - MAX_LISTED) + " more invalid pool keys"));
        }

        int inversions = 0;
        int duplicates = 0;
        for (int i = 1; i < listed.size(); i++) {
            int c = DrawAlgorithm.compareUtf8(listed.get(i - 1), listed.get(i));
            if (c > 0 && ++inversions == 1) {
                out.add(new Difference(Kind.POOL_ORDER, "pool is not sorted by UTF-8 bytes: " + quote(listed.get(i - 1))
                        + " at position " + (i - 1) + " comes before " + quote(listed.get(i))));
            }
            if (c == 0 && ++duplicates == 1) {
                out.add(new Difference(Kind.POOL_ORDER, "pool lists key " + quote(listed.get(i))
                        + " twice (positions " + (i - 1) + " and " + i + ")"));
            }
        }
        if (inversions > 1) {
            out.add(new Difference(Kind.POOL_ORDER, "pool is out of order at " + inversions + " places in all"));
        }

        // The pool the algorithm uses: the listed keys sorted by UTF-8 bytes, each key once.
        List<String> sorted = new ArrayList<>(listed);
        sorted.sort(DrawAlgorithm.UTF8_ORDER);
        List<String> canonical = new ArrayList<>(sorted.size());
        for (String key : sorted) {
            if (canonical.isEmpty() || !canonical.get(canonical.size() - 1).equals(key)) {
                canonical.add(key);
            }
        }
        int repeated = listed.size() - canonical.size();
        if (repeated > duplicates) {
            out.add(new Difference(Kind.POOL_ORDER, "pool lists " + repeated + " key(s) more than once in all"));
        }

        int n = canonical.size();
        if (draw.n() != listed.size()) {
            out.add(new Difference(Kind.N, "n is " + draw.n() + " but the pool lists " + listed.size() + " entries"));
        }

        byte[] p = DrawAlgorithm.digest(canonical);
        String pHex = DrawAlgorithm.hex(p);
        if (!pHex.equals(draw.poolDigest())) {
            out.add(new Difference(Kind.POOL_DIGEST, "pool digest mismatch: listed " + quote(draw.poolDigest())
                    + ", recomputed " + pHex));
        }

        if (draw.seed().isEmpty()) {
            out.add(new Difference(Kind.SEED, "seed has no strings (at least one is required)"));
        }
        byte[] d = DrawAlgorithm.seedDigestUnchecked(p, draw.k(), draw.seed());
        String dHex = DrawAlgorithm.hex(d);
        if (!dHex.equals(draw.seedDigest())) {
            out.add(new Difference(Kind.SEED_DIGEST, "seed digest mismatch: listed " + quote(draw.seedDigest())
                    + ", recomputed " + dHex));
        }

        List<String> expected = null;
        if (draw.k() < 0 || draw.k() > n) {
            out.add(new Difference(Kind.K, "k = " + draw.k() + " is outside 0.." + n + " (the pool has " + n
                    + " distinct keys), so no winners can be drawn"));
        } else {
            expected = DrawAlgorithm.selectUnchecked(canonical, draw.k(), d);
            compareWinners(expected, draw.winners(), out);
        }
        return new Result(out, pHex, dHex, expected);
    }

    private static void compareWinners(List<String> expected, List<String> listed, List<Difference> out) {
        if (expected.equals(listed)) {
            return;
        }
        int i = 0;
        while (i < expected.size() && i < listed.size() && expected.get(i).equals(listed.get(i))) {
            i++;
        }
        String e = i < expected.size() ? quote(expected.get(i)) : "(none)";
        String l = i < listed.size() ? quote(listed.get(i)) : "(none)";
        String count = expected.size() == listed.size() ? ""
                : "; " + expected.size() + " winners expected, " + listed.size() + " listed";
        out.add(new Difference(Kind.WINNERS, "winners differ at position " + i + " (winner #" + (i + 1)
                + "): expected " + e + ", listed " + l + count));
    }

    private static String quote(String s) {
        return s == null ? "null" : "\"" + s + "\"";
    }

    private static Object field(Map<?, ?> record, String name) {
        if (!record.containsKey(name)) {
            throw new IllegalArgumentException("invalid draw record: missing field \"" + name + "\"");
        }
        return record.get(name);
    }

    private static String string(Map<?, ?> record, String name) {
        if (field(record, name) instanceof String s) {
            return s;
        }
        throw new IllegalArgumentException("invalid draw record: \"" + name + "\" is not a string");
    }

    private static int integer(Map<?, ?> record, String name) {
        Object v = field(record, name);
        if (v instanceof Integer i) {
            return i;
        }
        throw new IllegalArgumentException("invalid draw record: \"" + name + "\" is not an integer");
    }

    @SuppressWarnings("unchecked")
    private static List<Object> array(Map<?, ?> record, String name) {
        if (field(record, name) instanceof List<?> list) {
            return (List<Object>) list;
        }
        throw new IllegalArgumentException("invalid draw record: \"" + name + "\" is not an array");
    }

    private static List<String> strings(Map<?, ?> record, String name) {
        List<Object> list = array(record, name);
        List<String> out = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof String s)) {
                throw new IllegalArgumentException("invalid draw record: " + name + "[" + i + "] is not a string");
            }
            out.add(s);
        }
        return out;
    }
}
