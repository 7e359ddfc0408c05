/*
 * VerifyDraw: checks a published Baiti draw record on your own computer, with nothing but a JDK 17.
 *
 *     java VerifyDraw.java draw.json          (in the Baiti sources: java tools/VerifyDraw.java draw.json)
 *
 * prints "verified" and exits 0 when every value in the record follows from its pool, k and seed;
 * otherwise it prints what differs and exits 1. This file uses no code of Baiti: it checks the draw with an
 * implementation of its own. Baiti's command "baiti draw verify FILE" runs this very check (the file is compiled
 * into Baiti as it is), so the two never disagree.
 *
 * The algorithm "baiti-draw-v1", in plain words (all text UTF-8, "\n" is one line feed 0x0A, hex lowercase):
 *
 *   1. Pool. Take the entry keys of the pool. Sort them by their UTF-8 bytes, comparing bytes as unsigned
 *      numbers (0..255). The pool digest P is SHA-256 of all keys, each followed by "\n".
 *
 *   2. Seed. With k the number of winners written in decimal and S_1 .. S_m the seed strings,
 *      D = SHA-256("baiti-draw-v1\n" + hex(P) + "\n" + k + "\n" + S_1 + "\n" + ... + S_m + "\n").
 *      D is 32 bytes; the record shows it in hex as "seedDigest".
 *
 *   3. Random numbers. For j = 0, 1, 2, ... block j is SHA-256 of the 32 bytes of D followed by j as
 *      8 bytes big-endian. The first 8 bytes of block j, read as an unsigned big-endian number, are u_j.
 *      Each u_j is used once, in order.
 *
 *   4. uniform(m), a fair number in 0 .. m-1: limit = 2^64 - (2^64 mod m). Take the next u; while
 *      u >= limit, take the next one (this drops the few values that would favour small results).
 *      The result is u mod m.
 *
 *   5. Selection. Let a be the sorted pool, counted from 0, and n its size. For i = 0 .. k-1:
 *      r = i + uniform(n - i), then swap a[i] and a[r]. The winners are a[0] .. a[k-1], in this order.
 *
 * The record is JSON with at least: "algorithm", "poolDigest", "n", "k", "pool" (objects with a "key"),
 * "seed" (strings), "seedDigest", "winners" (keys). Other fields are ignored.
 */

package org.baiti.verify;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

public class VerifyDraw {

    static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);

    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: java VerifyDraw.java FILE");
            System.exit(2);
        }
        System.exit(verify(Path.of(args[0]), System.out::println));
    }

    /**
     * Checks the record in FILE and says so line by line: "verified" (returns 0), or "NOT verified:" and one line
     * per difference, or why the file cannot be read or is no draw record (returns 1).
     */
    public static int verify(Path file, Consumer<String> out) {
        List<String> problems;
        try {
            problems = problems(Files.readString(file, StandardCharsets.UTF_8));
        } catch (CharacterCodingException e) {
            out.accept("cannot read " + file + ": the file is not valid UTF-8");
            return 1;
        } catch (IOException e) {
            out.accept("cannot read " + file + ": " + e);
            return 1;
        } catch (IllegalArgumentException e) {
            out.accept(file + " is not a valid draw record: " + e.getMessage());
            return 1;
        }
        if (problems.isEmpty()) {
            out.accept("verified");
            return 0;
        }
        out.accept("NOT verified:");
        for (String p : problems) {
            out.accept("- " + p);
        }
        return 1;
    }

    /**
     * What does not hold in a draw record (its JSON text); empty when every stated value follows from its pool, k
     * and seed.
     *
     * @throws IllegalArgumentException when the text is not JSON or lacks a field of the record
     */
    public static List<String> problems(String json) {
        Object root = new Json(json).document();
        if (!(root instanceof Map)) {
            throw new IllegalArgumentException("the JSON value is not an object");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> record = (Map<String, Object>) root;
        List<String> problems = new ArrayList<>();
        check(record, problems);
        return problems;
    }

    /** Checks every stated value of the record and adds a line to problems for each one that does not hold. */
    static void check(Map<String, Object> record, List<String> problems) {
        String algorithm = text(record, "algorithm");
        String statedP = text(record, "poolDigest");
        long statedN = whole(record, "n");
        long k = whole(record, "k");
        String statedD = text(record, "seedDigest");
        List<String> seed = texts(record, "seed");
        List<String> statedWinners = texts(record, "winners");
        List<String> keys = new ArrayList<>();
        for (Object entry : list(record, "pool")) {
            if (!(entry instanceof Map) || !(((Map<?, ?>) entry).get("key") instanceof String)) {
                throw new IllegalArgumentException("a pool entry is not an object with a string \"key\"");
            }
            keys.add((String) ((Map<?, ?>) entry).get("key"));
        }

        if (!"baiti-draw-v1".equals(algorithm)) {
            problems.add("algorithm is \"" + algorithm + "\", this program checks baiti-draw-v1");
        }
        if (seed.isEmpty()) {
            problems.add("the seed has no strings");
        }
        if (statedN != keys.size()) {
            problems.add("n is " + statedN + " but the pool lists " + keys.size() + " entries");
        }

        // 1. Pool: UTF-8 bytes, sorted as unsigned bytes. The listed pool must already be in this order.
        // Each bad key and each place out of order is named, the first MAX_NAMED of each; then how many more.
        List<String> badKeys = new ArrayList<>();
        List<String> disorder = new ArrayList<>();
        List<byte[]> utf8 = new ArrayList<>();
        for (String key : keys) {
            if (key.isEmpty() || key.contains("\n")) {
                badKeys.add("pool key \"" + key + "\" is empty or contains a line feed");
            }
            byte[] b = key.getBytes(StandardCharsets.UTF_8);
            if (!new String(b, StandardCharsets.UTF_8).equals(key)) {
                badKeys.add("pool key \"" + key + "\" is not valid Unicode text");
            }
            utf8.add(b);
        }
        for (int i = 1; i < utf8.size(); i++) {
            int c = Arrays.compareUnsigned(utf8.get(i - 1), utf8.get(i));
            if (c == 0) {
                disorder.add("pool lists \"" + keys.get(i) + "\" twice");
            } else if (c > 0) {
                disorder.add("pool is not sorted: \"" + keys.get(i - 1) + "\" is listed before \"" + keys.get(i)
                        + "\"");
            }
        }
        name(badKeys, "invalid pool keys", problems);
        name(disorder, "places where the pool is out of order or repeats a key", problems);
        List<byte[]> sortedBytes = new ArrayList<>(utf8);
        sortedBytes.sort(Arrays::compareUnsigned);
        List<byte[]> pool = new ArrayList<>(); // sorted, each key once
        for (byte[] b : sortedBytes) {
            if (pool.isEmpty() || !Arrays.equals(pool.get(pool.size() - 1), b)) {
                pool.add(b);
            }
        }

        MessageDigest sha = sha256();
        for (byte[] b : pool) {
            sha.update(b);
            sha.update((byte) '\n');
        }
        byte[] p = sha.digest();
        if (!hex(p).equals(statedP)) {
            problems.add("pool digest: the record says " + statedP + ", the pool gives " + hex(p));
        }

        // 2. Seed digest D.
        StringBuilder s = new StringBuilder("baiti-draw-v1\n" + hex(p) + "\n" + k + "\n");
        for (String part : seed) {
            s.append(part).append('\n');
        }
        byte[] d = sha256().digest(s.toString().getBytes(StandardCharsets.UTF_8));
        if (!hex(d).equals(statedD)) {
            problems.add("seed digest: the record says " + statedD + ", the pool, k and seed give " + hex(d));
        }

        // 3.-5. Random numbers, uniform(m) and selection.
        int n = pool.size();
        if (k < 0 || k > n) {
            problems.add("k = " + k + " is not between 0 and n = " + n);
            return;
        }
        Random random = new Random(d);
        List<byte[]> a = new ArrayList<>(pool);
        for (int i = 0; i < k; i++) {
            int r = i + random.uniform(n - i);
            byte[] t = a.get(i);
            a.set(i, a.get(r));
            a.set(r, t);
        }
        List<String> winners = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            winners.add(new String(a.get(i), StandardCharsets.UTF_8));
        }
        if (!winners.equals(statedWinners)) {
            int i = 0;
            while (i < winners.size() && i < statedWinners.size() && winners.get(i).equals(statedWinners.get(i))) {
                i++;
            }
            problems.add("winners differ at position " + i + " (winner #" + (i + 1) + "): the draw gives "
                    + (i < winners.size() ? "\"" + winners.get(i) + "\"" : "no more winners") + ", the record lists "
                    + (i < statedWinners.size() ? "\"" + statedWinners.get(i) + "\"" : "no more winners")
                    + (winners.size() == statedWinners.size() ? ""
                    : " (" + winners.size() + " winners expected, " + statedWinners.size() + " listed)"));
        }
    }

    /** The random numbers u_j of step 3 and uniform(m) of step 4, with plain big-number arithmetic. */
    static final class Random {
        final byte[] d;
        long j = 0;

        Random(byte[] d) {
            this.d = d;
        }

        BigInteger next() {
            MessageDigest sha = sha256();
            sha.update(d);
            for (int b = 7; b >= 0; b--) {
                sha.update((byte) (j >>> (8 * b)));
            }
            j++;
            return new BigInteger(1, Arrays.copyOf(sha.digest(), 8));
        }

        int uniform(int m) {
            BigInteger bm = BigInteger.valueOf(m);
            BigInteger limit = TWO_64.subtract(TWO_64.mod(bm));
            BigInteger u = next();
            while (u.compareTo(limit) >= 0) {
                u = next();
            }
            return u.mod(bm).intValueExact();
        }
    }

    static final int MAX_NAMED = 10;

    /** Adds the first MAX_NAMED of found to problems, then how many more there are of what. */
    static void name(List<String> found, String what, List<String> problems) {
        problems.addAll(found.subList(0, Math.min(found.size(), MAX_NAMED)));
        if (found.size() > MAX_NAMED) {
            problems.add("... and " + (found.size() - MAX_NAMED) + " more " + what + " (" + found.size() + " in all)");
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String hex(byte[] bytes) {
        StringBuilder sb = new StringBuilder();
        for (byte b : bytes) {
            sb.append(String.format("%02x", b & 0xFF));
        }
        return sb.toString();
    }

    static Object get(Map<String, Object> record, String name) {
        if (!record.containsKey(name)) {
            throw new IllegalArgumentException("missing field \"" + name + "\"");
        }
        return record.get(name);
    }

    static String text(Map<String, Object> record, String name) {
        Object v = get(record, name);
        if (!(v instanceof String)) {
            throw new IllegalArgumentException("\"" + name + "\" is not a string");
        }
        return (String) v;
    }

    static long whole(Map<String, Object> record, String name) {
        Object v = get(record, name);
        try {
            return new java.math.BigDecimal(((Json.Num) v).text).longValueExact();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("\"" + name + "\" is not a whole number");
        }
    }

    static List<?> list(Map<String, Object> record, String name) {
        Object v = get(record, name);
        if (!(v instanceof List)) {
            throw new IllegalArgumentException("\"" + name + "\" is not an array");
        }
        return (List<?>) v;
    }

    static List<String> texts(Map<String, Object> record, String name) {
        List<String> out = new ArrayList<>();
        for (Object v : list(record, name)) {
            if (!(v instanceof String)) {
                throw new IllegalArgumentException("\"" + name + "\" holds something that is not a string");
            }
            out.add((String) v);
        }
        return out;
    }

    /**
     * A minimal JSON reader: objects become Map, arrays List, strings String, numbers Num (their text),
     * true/false Boolean, null null. A repeated key in one object is an error.
     */
    static final class Json {
        static final class Num {
            final String text;

            Num(String text) {
                this.text = text;
            }
        }

        final String s;
        int i = 0;

        Json(String s) {
            this.s = s.startsWith("\uFEFF") ? s.substring(1) : s;
        }

        Object document() {
            Object v = value();
            space();
            if (i != s.length()) {
                throw fail("extra text after the JSON value");
            }
            return v;
        }

        Object value() {
            space();
            if (i >= s.length()) {
                throw fail("unexpected end");
            }
            char c = s.charAt(i);
            if (c == '{') {
                Map<String, Object> m = new LinkedHashMap<>();
                i++;
                space();
                if (peek() == '}') {
                    i++;
                    return m;
                }
                while (true) {
                    space();
                    if (peek() != '"') {
                        throw fail("expected a key");
                    }
                    String key = string();
                    space();
                    take(':');
                    Object v = value();
                    if (m.containsKey(key)) {
                        throw fail("key \"" + key + "\" appears twice");
                    }
                    m.put(key, v);
                    space();
                    if (peek() == ',') {
                        i++;
                    } else {
                        take('}');
                        return m;
                    }
                }
            }
            if (c == '[') {
                List<Object> l = new ArrayList<>();
                i++;
                space();
                if (peek() == ']') {
                    i++;
                    return l;
                }
                while (true) {
                    l.add(value());
                    space();
                    if (peek() == ',') {
                        i++;
                    } else {
                        take(']');
                        return l;
                    }
                }
            }
            if (c == '"') {
                return string();
            }
            if (s.startsWith("true", i)) {
                i += 4;
                return Boolean.TRUE;
            }
            if (s.startsWith("false", i)) {
                i += 5;
                return Boolean.FALSE;
            }
            if (s.startsWith("null", i)) {
                i += 4;
                return null;
            }
            int start = i;
            if (peek() == '-') {
                i++;
            }
            if (peek() < '0' || peek() > '9') {
                throw fail("unexpected character");
            }
            String number = "-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?";
            while (i < s.length() && "0123456789+-.eE".indexOf(s.charAt(i)) >= 0) {
                i++;
            }
            String t = s.substring(start, i);
            if (!t.matches(number)) {
                throw fail("bad number " + t);
            }
            return new Num(t);
        }

        String string() {
            i++; // the opening quote
            StringBuilder b = new StringBuilder();
            while (true) {
                if (i >= s.length()) {
                    throw fail("string not closed");
                }
                char c = s.charAt(i++);
                if (c == '"') {
                    return b.toString();
                } else if (c < 0x20) {
                    throw fail("raw control character in a string");
                } else if (c != '\\') {
                    b.append(c);
                } else {
                    char e = i < s.length() ? s.charAt(i++) : '?';
                    switch (e) {
                        case '"': b.append('"'); break;
                        case '\\': b.append('\\'); break;
                        case '/': b.append('/'); break;
                        case 'b': b.append('\b'); break;
                        case 'f': b.append('\f'); break;
                        case 'n': b.append('\n'); break;
                        case 'r': b.append('\r'); break;
                        case 't': b.append('\t'); break;
                        case 'u':
                            // One UTF-16 unit; a pair like \ud840\udc00 becomes one character in the Java string.
                            if (i + 4 > s.length() || !s.substring(i, i + 4).matches("[0-9a-fA-F]{4}")) {
                                throw fail("bad \\u escape");
                            }
                            b.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                            i += 4;
                            break;
                        default:
                            throw fail("bad escape \\" + e);
                    }
                }
            }
        }

        void space() {
            while (i < s.length() && " \t\r\n".indexOf(s.charAt(i)) >= 0) {
                i++;
            }
        }

        char peek() {
            return i < s.length() ? s.charAt(i) : '\0';
        }

        void take(char c) {
            if (peek() != c) {
                throw fail("expected '" + c + "'");
            }
            i++;
        }

        IllegalArgumentException fail(String why) {
            return new IllegalArgumentException("JSON error at character " + i + ": " + why);
        }
    }
}
