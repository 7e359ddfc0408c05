package org.baiti.draw;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** Test helpers: the published record files and a minimal JSON writer for records made in tests. */
final class DrawRecords {

    /** The project root (Maven runs tests there). */
    static final Path ROOT = Path.of("").toAbsolutePath();
    static final Path KAT_B = ROOT.resolve("src/test/resources/draw/kat-b.json");
    static final Path KAT_B_ASCII = ROOT.resolve("src/test/resources/draw/kat-b-ascii.json");

    private DrawRecords() {
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path write(Path file, String json) {
        try {
            return Files.writeString(file, json, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces the first occurrence of {@code from} after {@code marker} (e.g. only inside "winners"). */
    static String replaceAfter(String json, String marker, String from, String to) {
        int at = json.indexOf(marker);
        int hit = json.indexOf(from, at);
        if (at < 0 || hit < 0) {
            throw new IllegalArgumentException("nothing to replace: " + marker + " / " + from);
        }
        return json.substring(0, hit) + to + json.substring(hit + from.length());
    }

    /** A published record of a draw, shaped like GET /api/draws/{drawId}. */
    static String toJson(AlgorithmRun.Result r) {
        String pool = r.sortedPool().stream()
                .map(k -> "{\"key\":" + str(k) + ",\"name\":\"张*\",\"unit\":\"测试单位\"}")
                .collect(Collectors.joining(",\n  "));
        return "{\"id\":42,\"algorithm\":\"baiti-draw-v1\",\"poolDigest\":" + str(r.poolDigestHex())
                + ",\"n\":" + r.sortedPool().size() + ",\"k\":" + r.k()
                + ",\"pool\":[\n  " + pool + "],\n\"seed\":" + strs(r.seed())
                + ",\"seedDigest\":" + str(r.seedDigestHex()) + ",\"winners\":" + strs(r.winners())
                + ",\"tiers\":[{\"name\":\"一等奖\",\"count\":1}],\"committedAt\":\"2026-11-29T10:00:00Z\""
                + ",\"revealedAt\":\"2026-11-29T11:00:00Z\"}\n";
    }

    static String strs(List<String> list) {
        return list.stream().map(DrawRecords::str).collect(Collectors.joining(",", "[", "]"));
    }

    static String str(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.append('"').toString();
    }
}
