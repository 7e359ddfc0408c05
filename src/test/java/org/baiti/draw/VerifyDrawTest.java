package org.baiti.draw;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.baiti.verify.VerifyDraw;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The check of {@code tools/VerifyDraw.java} in process (what {@code baiti draw verify} runs); {@link VerifyDrawToolTest}
 * runs the file as outsiders do. The records here come from {@link DrawAlgorithm}, so the two implementations are
 * held against each other.
 */
class VerifyDrawTest {

    private static final String SUPPLEMENTARY_1 = "\uD840\uDC00" + "1";
    private static final String FULLWIDTH_A_1 = "\uFF21" + "1";

    @TempDir
    Path dir;

    private static AlgorithmRun.Result sample() {
        return AlgorithmRun.draw(List.of("准考证002", "z9", "准考证001", "Ä1", SUPPLEMENTARY_1, FULLWIDTH_A_1,
                "A001", "a01"), 4, List.of("beacon:abc", "骰子 3 5 6"));
    }

    /** The record of {@code r} listing {@code pool} and {@code winners} instead of its own. */
    private static String record(AlgorithmRun.Result r, List<String> pool, List<String> winners) {
        return DrawRecords.toJson(new AlgorithmRun.Result(pool, r.poolDigest(), r.k(), r.seed(), r.seedDigest(),
                winners));
    }

    @Test
    void theKnownAnswerRecordsAndRecordsOfDrawsVerify() {
        assertThat(VerifyDraw.problems(DrawRecords.read(DrawRecords.KAT_B))).isEmpty();
        assertThat(VerifyDraw.problems(DrawRecords.read(DrawRecords.KAT_B_ASCII))).as("\\u escapes").isEmpty();
        assertThat(VerifyDraw.problems(DrawRecords.toJson(sample()))).isEmpty();
        assertThat(VerifyDraw.problems(DrawRecords.toJson(AlgorithmRun.draw(List.of(), 0, List.of("s"))))).isEmpty();
        assertThat(VerifyDraw.problems("\uFEFF" + DrawRecords.read(DrawRecords.KAT_B))).as("a byte order mark").isEmpty();
    }

    @Test
    void aChangedReorderedOrMissingWinnerIsNamedWithItsPosition() {
        AlgorithmRun.Result r = sample();
        List<String> changed = new ArrayList<>(r.winners());
        changed.set(2, "a01");
        assertThat(VerifyDraw.problems(record(r, r.sortedPool(), changed))).containsExactly(
                "winners differ at position 2 (winner #3): the draw gives \"准考证002\", the record lists \"a01\"");
        List<String> swapped = new ArrayList<>(r.winners());
        Collections.swap(swapped, 0, 1);
        assertThat(VerifyDraw.problems(record(r, r.sortedPool(), swapped))).singleElement().asString()
                .startsWith("winners differ at position 0 (winner #1)");
        assertThat(VerifyDraw.problems(record(r, r.sortedPool(), r.winners().subList(0, 3)))).containsExactly(
                "winners differ at position 3 (winner #4): the draw gives \"" + SUPPLEMENTARY_1
                        + "\", the record lists no more winners (4 winners expected, 3 listed)");
    }

    @Test
    void aChangedPoolKeyChangesBothDigests() {
        String json = DrawRecords.replaceAfter(DrawRecords.read(DrawRecords.KAT_B), "\"pool\"", "\"a01\"", "\"a02\"");
        List<String> problems = VerifyDraw.problems(json);
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith(
                "pool digest: the record says 9674df75c74f5b5fd86fdca66109fce1ceff1f1b35f7241a6fd583359ea10002"));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("seed digest:")); // D is made from P
        assertThat(problems).noneSatisfy(p -> assertThat(p).contains("not sorted"));
    }

    @Test
    void everyDifferenceIsListed() {
        AlgorithmRun.Result r = sample();
        String json = DrawRecords.toJson(r).replace("\"baiti-draw-v1\"", "\"baiti-draw-v0\"")
                .replace("\"n\":8", "\"n\":7").replace("\"seedDigest\":\"" + r.seedDigestHex(), "\"seedDigest\":\"" + "11".repeat(32))
                .replace("\"poolDigest\":\"" + r.poolDigestHex(), "\"poolDigest\":\"" + r.poolDigestHex().toUpperCase());
        assertThat(VerifyDraw.problems(json)).extracting(p -> p.substring(0, p.indexOf(' ')))
                .containsExactly("algorithm", "n", "pool", "seed");
        assertThat(VerifyDraw.problems(json).get(0)).isEqualTo(
                "algorithm is \"baiti-draw-v0\", this program checks baiti-draw-v1");
        assertThat(VerifyDraw.problems(json).get(1)).isEqualTo("n is 7 but the pool lists 8 entries");
        assertThat(VerifyDraw.problems(json).get(2)).as("hex is lowercase").startsWith("pool digest:");
    }

    @Test
    void aPoolInUtf16OrderIsNotSorted() {
        // A publisher that sorted with String.compareTo puts U+20000 before U+FF21.
        AlgorithmRun.Result r = sample();
        List<String> utf16Order = new ArrayList<>(r.sortedPool());
        utf16Order.sort(String::compareTo);
        assertThat(utf16Order).isNotEqualTo(r.sortedPool());
        assertThat(VerifyDraw.problems(record(r, utf16Order, r.winners()))).singleElement().asString()
                .startsWith("pool is not sorted: ");
    }

    @Test
    void duplicateAndInvalidKeysAreNamed() {
        AlgorithmRun.Result r = AlgorithmRun.draw(List.of("A", "B", "C"), 1, List.of("s"));
        // each key counts once, so P, D and the winners still match
        assertThat(VerifyDraw.problems(record(r, List.of("A", "B", "B", "C"), r.winners())))
                .containsExactly("pool lists \"B\" twice");
        assertThat(VerifyDraw.problems(record(r, List.of("A", "B", "C\nD"), r.winners())))
                .contains("pool key \"C\nD\" is empty or contains a line feed");
        assertThat(VerifyDraw.problems(record(r, List.of("", "A", "B"), r.winners())))
                .contains("pool key \"\" is empty or contains a line feed");
        assertThat(VerifyDraw.problems(record(r, List.of("A", "B", "C\uD800"), r.winners())))
                .contains("pool key \"C\uD800\" is not valid Unicode text");
    }

    @Test
    void manyBadPlacesAreNamedTenAtATimeWithHowManyMore() {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            keys.add(String.format("K%03d", i));
        }
        AlgorithmRun.Result r = AlgorithmRun.draw(keys, 3, List.of("s"));
        List<String> listed = new ArrayList<>();
        r.sortedPool().forEach(k -> listed.addAll(List.of(k, k))); // every key twice
        List<String> problems = VerifyDraw.problems(record(r, listed, r.winners()));
        assertThat(problems).hasSize(11);
        assertThat(problems.subList(0, 10)).allMatch(p -> p.endsWith("\" twice"));
        assertThat(problems.get(10)).isEqualTo(
                "... and 30 more places where the pool is out of order or repeats a key (40 in all)");
    }

    @Test
    void kOutsideThePoolAndAnEmptySeedAreNamed() {
        AlgorithmRun.Result r = AlgorithmRun.draw(List.of("A", "B"), 2, List.of("s"));
        assertThat(VerifyDraw.problems(DrawRecords.toJson(r).replace("\"k\":2", "\"k\":3")))
                .contains("k = 3 is not between 0 and n = 2").anySatisfy(p -> assertThat(p).startsWith("seed digest"));
        assertThat(VerifyDraw.problems(DrawRecords.toJson(r).replace("\"seed\":[\"s\"]", "\"seed\":[]")))
                .contains("the seed has no strings");
    }

    @Test
    void malformedRecordsAreRefusedWithAReason() {
        String good = DrawRecords.read(DrawRecords.KAT_B);
        assertThatThrownBy(() -> VerifyDraw.problems("{\"algorithm\": ")).hasMessageContaining("JSON error");
        assertThatThrownBy(() -> VerifyDraw.problems("[]")).hasMessageContaining("not an object");
        assertThatThrownBy(() -> VerifyDraw.problems(good.replace("\"seedDigest\"", "\"seedDigestX\"")))
                .hasMessageContaining("missing field \"seedDigest\"");
        assertThatThrownBy(() -> VerifyDraw.problems(good.replace("\"k\": 4", "\"k\": 4.5")))
                .hasMessageContaining("\"k\" is not a whole number");
        assertThatThrownBy(() -> VerifyDraw.problems(good.replace("\"key\": \"z9\"", "\"key\": 9")))
                .hasMessageContaining("a pool entry is not an object with a string \"key\"");
        // a verifier must not guess which of two values counts, nor ignore what follows the record
        assertThatThrownBy(() -> VerifyDraw.problems(good.replaceFirst("\\{", "{\"k\": 1, ")))
                .hasMessageContaining("key \"k\" appears twice");
        assertThatThrownBy(() -> VerifyDraw.problems(good + " {}")).hasMessageContaining("extra text");
    }

    @Test
    void theFileIsReportedLineByLine() {
        List<String> lines = new ArrayList<>();
        assertThat(VerifyDraw.verify(DrawRecords.KAT_B, lines::add)).isZero();
        assertThat(lines).containsExactly("verified");

        lines.clear();
        Path broken = DrawRecords.write(dir.resolve("broken.json"), "{\"algorithm\": \"baiti-draw-v1\",");
        assertThat(VerifyDraw.verify(broken, lines::add)).isEqualTo(1);
        assertThat(lines).singleElement().asString().contains("is not a valid draw record: JSON error");

        lines.clear();
        assertThat(VerifyDraw.verify(dir.resolve("none.json"), lines::add)).isEqualTo(1);
        assertThat(lines).singleElement().asString().startsWith("cannot read ");
    }
}
