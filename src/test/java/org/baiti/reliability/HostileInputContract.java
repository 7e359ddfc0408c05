package org.baiti.reliability;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.baiti.testing.Api;
import org.baiti.testing.App;
import org.baiti.testing.Fixtures;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile input, fuzz style: random and corrupted files into every importer, malformed JSON into the API.
 * Never a 500, never a partial import, always an error that says what was wrong. Inputs come from
 * seeded generators, so a failure can be replayed; the reader itself has a jqwik property over arbitrary
 * bytes ({@code SheetProperties}).
 */
interface HostileInputContract extends App {

    int FILES_PER_IMPORTER = 20;

    static List<byte[]> hostileFiles(long seed) {
        Random r = new Random(seed);
        List<byte[]> files = new ArrayList<>();
        for (int i = 0; i < FILES_PER_IMPORTER / 4; i++) {
            byte[] garbage = new byte[r.nextInt(4097)];                                // random bytes
            r.nextBytes(garbage);
            files.add(garbage);
        }
        byte[] xlsx = Fixtures.xlsx(Fixtures.bank());
        for (int i = 0; i < FILES_PER_IMPORTER / 4; i++) {
            files.add(Arrays.copyOf(xlsx, 1 + r.nextInt(xlsx.length - 1)));          // truncated XLSX
        }
        byte[] csv = Fixtures.csv(Fixtures.bank());
        for (int i = 0; i < FILES_PER_IMPORTER / 4; i++) {
            byte[] flipped = csv.clone();                                              // flipped bytes in a CSV
            for (int k = 0; k < 1 + r.nextInt(20); k++) {
                flipped[r.nextInt(flipped.length)] = (byte) r.nextInt(256);
            }
            files.add(flipped);
        }
        String text = new String(csv, StandardCharsets.UTF_8);
        files.add(text.getBytes(StandardCharsets.UTF_16LE));                          // wrong encoding, no BOM
        files.add(text.getBytes(Charset.forName("GB18030")));                          // right encoding, right rows
        files.add(("题号,题型,题干,选项A,选项B,答案\nQ1,单选," + "长".repeat(300_000) + ",a,b,A\n").getBytes(StandardCharsets.UTF_8));
        files.add(Fixtures.xlsx(List.of(List.of("题号", "题型", "题干", "选项A", "选项B", "答案"),
                List.of("Q1", "单选", "=HYPERLINK(\"http://x\")", "=1+1", "b", "A"))));      // formula-looking text
        files.add(new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1});
        files.add("PK\u0003\u0004not really a zip".getBytes(StandardCharsets.ISO_8859_1));
        files.add(new byte[0]);
        ByteArrayOutputStream nul = new ByteArrayOutputStream();
        nul.writeBytes("题号,题型,题干,选项A,选项B,答案\nQ1,单选,\u0000\u0000,a,b,A\n".getBytes(StandardCharsets.UTF_8));
        files.add(nul.toByteArray());
        return files;
    }

    @Test
    default void corruptedFilesNeverCauseA500OrAPartialImport() {
        Api admin = api().admin();
        long id = Fixtures.contest(admin, 5);
        int tried = 0;
        for (String kind : List.of("bank", "units", "offline-results")) {
            for (byte[] file : hostileFiles(kind.hashCode())) {
                for (String name : List.of("f.csv", "f.xlsx")) {
                    long before = stored(admin, id, kind);
                    Api.Response r = admin.upload("/api/admin/contests/" + id + "/" + kind, name, file);
                    tried++;
                    assertThat(r.status()).as("%s %s: %s", kind, name, r.body()).isIn(200, 400, 413);
                    assertThat(r.body()).doesNotContain("Exception").doesNotContain("at org.");
                    long after = stored(admin, id, kind);
                    if (r.status() == 200) {
                        // A corrupted file can still be a valid one (a flipped byte in a key): then all of it is in.
                        assertThat(after).as("%s: all rows of an accepted file", kind).isEqualTo(before + r.json().get("added").asLong());
                    } else {
                        // one language, and every reason worded: no bundle key shows through
                        assertThat(r.json().get("message").asString()).as(r.body()).isNotBlank().doesNotContain(" / ")
                                .doesNotContainPattern("^(row|import|error)\\.");
                        r.json().get("details").forEach(d -> assertThat(d.get("reason").asString()).as(r.body())
                                .isNotBlank().doesNotContainPattern("^(row|import)\\.[a-z_.]+$"));
                        assertThat(after).as("%s: a refused file changes nothing", kind).isEqualTo(before);
                    }
                }
            }
        }
        System.out.println(database() + ": " + tried + " hostile files tried");
    }

    private static long stored(Api admin, long id, String kind) {
        return switch (kind) {
            case "bank" -> admin.get("/api/admin/contests/" + id + "/bank").json().size();
            case "units" -> admin.get("/api/admin/contests/" + id + "/units").json().size();
            default -> admin.get("/api/admin/contests/" + id + "/offline-results/summary").json().get("participants").asLong();
        };
    }

    @Test
    default void malformedJsonBodiesGetClearErrors() {
        Api admin = api().admin();
        long id = Fixtures.contest(admin, 5);
        admin.upload("/api/admin/contests/" + id + "/units", "u.csv", Fixtures.csv(Fixtures.units()));
        admin.upload("/api/admin/contests/" + id + "/bank", "b.csv", Fixtures.csv(Fixtures.bank()));
        Random r = new Random(42);
        List<String> bodies = new ArrayList<>(List.of("", "{", "[]", "null", "42", "\"x\"", "{\"name\": 5}",
                "{\"name\": [], \"phone\": {}, \"unit\": true}", "{\"answers\": \"all right\"}",
                "{\"answers\": {\"Q1\": \"A\"}}", "{\"answers\": {\"Q1\": [1, 2]}}", "{\"answers\": {\"nope\": [\"x\"]}}",
                "{\"questionsPerPaper\": -1}", "{\"opensAt\": \"yesterday\"}", "{\"score\": \"high\"}",
                "{\"name\":\"" + "x".repeat(400_000) + "\"}"));
        for (int i = 0; i < 60; i++) {
            StringBuilder sb = new StringBuilder();                                     // random text, some JSON-ish
            String alphabet = "{}[]\":,0123456789abcxyz 题号\\\u0000-.eE";
            for (int k = r.nextInt(200); k > 0; k--) {
                sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
            }
            bodies.add(sb.toString());
        }
        List<String> paths = List.of("/api/admin/contests", "/api/contests/" + id + "/attempts",
                "/api/attempts/does-not-exist/submit", "/api/contests/999/attempts");
        int tried = 0;
        for (String path : paths) {
            for (String body : bodies) {
                Api.Response res = path.startsWith("/api/admin") ? admin.postJson(path, body) : api().postJson(path, body, "bad-token");
                tried++;
                assertThat(res.status()).as("%s <- %.80s: %s", path, body, res.body()).isBetween(400, 499);
                assertThat(res.json().get("error").asString()).isNotBlank();
            }
        }
        for (String body : bodies.subList(0, 16)) {
            Api.Response res = admin.putJson("/api/admin/contests/" + id + "/units/U1/attention", body);
            tried++;
            assertThat(res.status()).as("attention <- %.80s", body).isBetween(400, 499);
            Api.Response settings = admin.putJson("/api/admin/contests/" + id, body);
            tried++;
            assertThat(settings.status()).as("settings <- %.80s: %s", body, settings.body()).isBetween(400, 499);
        }
        assertThat(admin.get("/api/admin/contests/abc").status()).isEqualTo(400);
        assertThat(admin.get("/api/admin/contests/" + Long.MAX_VALUE).status()).isEqualTo(404);
        assertThat(api().get("/api/draws/123").status()).isEqualTo(404);
        System.out.println(database() + ": " + tried + " hostile JSON bodies tried");
    }
}
