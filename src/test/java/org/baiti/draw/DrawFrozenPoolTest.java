package org.baiti.draw;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DrawFrozenPoolTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Every ASCII control character and DEL. */
    private static final String CONTROLS = java.util.stream.IntStream.rangeClosed(0, 0x20)
            .mapToObj(c -> Character.toString(c == 0x20 ? 0x7f : c)).collect(java.util.stream.Collectors.joining());

    /** Keys in input (unsorted) order, with names and units that JSON must escape. */
    private static final String[] KEYS = {"准考证-甲001", "B-2", "\uD83C\uDFB2", "Ａ", "A\"q\\", "a\u007f", "é", "A"};
    private static final String[] NAMES = {"诸*", "李*", "\uD840\uDC0B*", "王**", "x\"y", "t\tab", "n\nl", CONTROLS};
    private static final String[] UNITS = {"第一\\单位", "U2", "U/3", "", "\u2028", "\"", "é", "U1"};

    private static FrozenPool build(String[] keys, String[] names, String[] units) {
        List<Draws.Candidate> sorted = new ArrayList<>();
        for (int i = 0; i < keys.length; i++) {
            sorted.add(new Draws.Candidate(keys[i], names[i], units[i]));
        }
        sorted.sort(Comparator.comparing(Draws.Candidate::key, DrawAlgorithm::compareUtf8));
        FrozenPool.Writer writer = new FrozenPool.Writer(JSON, 4);
        sorted.forEach(writer::add);
        FrozenPool written = writer.finish();
        byte[] display = FrozenPool.inflate(FrozenPool.deflate(written.displayBlob()), FrozenPool.DEFLATE);
        FrozenPool opened = FrozenPool.open(display, JSON);
        assertThat(opened.digest()).as("P as written is P as opened").isEqualTo(written.digest());
        assertThat(opened.displayBlob()).isEqualTo(written.displayBlob());
        for (int p = 0; p < opened.size(); p++) {
            assertThat(written.entry(p)).as("the pool as written is the pool as opened").isEqualTo(opened.entry(p));
        }
        assertThat(written.size()).isEqualTo(opened.size());
        return opened;
    }

    @Test
    void theBlobRoundTripsNonAsciiKeysAndNamesAndItsKeysHashToTheAlgorithmsP() {
        {
            FrozenPool pool = build(KEYS, NAMES, UNITS);
            List<String> sorted = DrawAlgorithm.sortPool(Arrays.asList(KEYS));
            assertThat(pool.size()).isEqualTo(KEYS.length);
            assertThat(pool.digest()).isEqualTo(DrawAlgorithm.poolDigest(sorted));

            ByteArrayOutputStream expected = new ByteArrayOutputStream();
            try (JsonGenerator g = JSON.createGenerator(expected)) {
                g.writeStartArray();
                for (String key : sorted) {
                    int i = Arrays.asList(KEYS).indexOf(key);
                    g.writeStartObject();
                    g.writeStringProperty("key", KEYS[i]);
                    g.writeStringProperty("name", NAMES[i]);
                    g.writeStringProperty("unit", UNITS[i]);
                    g.writeEndObject();
                }
                g.writeEndArray();
            }
            assertThat(pool.displayBlob()).isEqualTo(expected.toByteArray());
            for (int p = 0; p < sorted.size(); p++) {
                int i = Arrays.asList(KEYS).indexOf(sorted.get(p));
                assertThat(pool.entry(p)).isEqualTo(new DrawRecord.Entry(p, KEYS[i], NAMES[i], UNITS[i]));
            }
        }
    }

    @Test
    void binarySearchFindsFirstLastAndEveryKeyAndMissesTheRest() {
        FrozenPool pool = build(KEYS, NAMES, UNITS);
        List<String> sorted = DrawAlgorithm.sortPool(Arrays.asList(KEYS));
        assertThat(pool.find(sorted.get(0))).isZero();
        assertThat(pool.find(sorted.get(sorted.size() - 1))).isEqualTo(sorted.size() - 1);
        for (int p = 0; p < sorted.size(); p++) {
            assertThat(pool.find(sorted.get(p))).isEqualTo(p);
        }
        for (String missing : List.of("", "0", "B-", "B-20", "\uFFFF", "\uD83C\uDFB3", "A\"q", "准考证")) {
            assertThat(pool.find(missing)).as(missing).isEqualTo(-1);
        }

        Random random = new Random(8);
        String[] many = new String[5000];
        for (int i = 0; i < many.length; i++) {
            many[i] = "T" + (100000 + 2 * i);
        }
        String[] names = new String[many.length];
        Arrays.fill(names, "张*");
        FrozenPool big = build(many, names, names);
        for (int t = 0; t < 200; t++) {
            int i = random.nextInt(many.length);
            assertThat(big.entry(big.find(many[i])).key()).isEqualTo(many[i]);
            assertThat(big.find("T" + (100001 + 2 * i))).isEqualTo(-1);
        }
        assertThat(big.find("T100000")).isZero();
        assertThat(big.find("T" + (100000 + 2 * (many.length - 1)))).isEqualTo(many.length - 1);
    }

    /** The writer keeps no list to sort: entries out of byte order (or twice) are a failure, never a wrong P. */
    @Test
    void theWriterRefusesEntriesOutOfByteOrder() {
        FrozenPool.Writer writer = new FrozenPool.Writer(JSON, 4);
        writer.add(new Draws.Candidate("Z", "甲*", "U"));
        writer.add(new Draws.Candidate("é", "乙*", "U")); // U+00E9 is C3 A9: after every ASCII key
        writer.add(new Draws.Candidate("\uFF21", "丙*", "U")); // EF BC A1
        assertThatThrownBy(() -> writer.add(new Draws.Candidate("é", "丁*", "U")))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> writer.add(new Draws.Candidate("a", "戊*", "U")))
                .isInstanceOf(IllegalStateException.class);
        assertThat(writer.size()).isEqualTo(3);
    }

    @Test
    void malformedOrDamagedBlobsAreRefusedAndAChangedKeyChangesP() {
        FrozenPool pool = build(KEYS, NAMES, UNITS);
        byte[] display = pool.displayBlob();
        String text = new String(display, StandardCharsets.UTF_8);

        FrozenPool otherKey = FrozenPool.open(text.replace("\"key\":\"B-2\"", "\"key\":\"B-3\"")
                .getBytes(StandardCharsets.UTF_8), JSON);
        assertThat(otherKey.digest()).as("the opener compares this with the committed P").isNotEqualTo(pool.digest());
        assertThat(otherKey.size()).isEqualTo(pool.size());

        for (String bad : List.of(
                text.replace("\"key\":\"B-2\"", "\"key\":\"A\""),   // twice, so not strictly ascending
                text.replace("\"key\":\"B-2\"", "\"key\":\"b\""),   // out of order: after the next key, "a"
                text.replace("\"key\":\"B-2\"", "\"key\":\"\""),    // empty
                text.replace("\"key\":\"B-2\"", "\"key\":\"B\\n2\""), // a line feed: two keys to P
                text.replace("\"key\":\"B-2\"", "\"key\":\"B\\ud800\""), // not encodable as UTF-8
                text.replace("\"key\":\"B-2\"", "\"key\":2"),
                text.replace("\"unit\":\"U2\"", "\"unit\":null"),
                text.replace("\"name\":\"李*\",", ""),
                text.substring(0, text.length() - 2),
                text + " ",
                text + "[]",
                "{}",
                "")) {
            assertThatExceptionOfType(FrozenPool.Mismatch.class).as(bad)
                    .isThrownBy(() -> FrozenPool.open(bad.getBytes(StandardCharsets.UTF_8), JSON));
        }
        byte[] corrupt = FrozenPool.deflate(display);
        corrupt[corrupt.length / 2] ^= 0x55;
        corrupt[corrupt.length - 1] ^= 0x55;
        assertThatThrownBy(() -> FrozenPool.open(FrozenPool.inflate(corrupt, FrozenPool.DEFLATE), JSON))
                .isInstanceOf(FrozenPool.Mismatch.class);
        assertThatThrownBy(() -> FrozenPool.inflate(display, "zstd")).isInstanceOf(FrozenPool.Mismatch.class);
    }

    @Test
    void selectingPositionsPicksTheSameWinnersAsSelectingKeys() {
        Random random = new Random(51);
        for (int t = 0; t < 200; t++) {
            int n = 1 + random.nextInt(t < 100 ? 10 : 3000);
            List<String> pool = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                pool.add(String.format("K%06d", i));
            }
            int k = random.nextInt(n + 1);
            byte[] d = DrawAlgorithm.sha256().digest(("seed" + t).getBytes(StandardCharsets.UTF_8));
            List<String> byKeys = DrawAlgorithm.select(pool, k, d);
            int[] positions = DrawAlgorithm.selectPositions(n, k, d);
            assertThat(Arrays.stream(positions).mapToObj(pool::get).toList()).isEqualTo(byKeys);
        }
    }
}
