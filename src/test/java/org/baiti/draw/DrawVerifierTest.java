package org.baiti.draw;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.baiti.draw.DrawVerifier.Kind;
import org.baiti.draw.DrawVerifier.PublishedDraw;
import org.baiti.draw.DrawVerifier.Result;
import org.junit.jupiter.api.Test;

class DrawVerifierTest {

    private static final String SUPPLEMENTARY_1 = "\uD840\uDC00" + "1";
    private static final String FULLWIDTH_A_1 = "\uFF21" + "1";

    private static PublishedDraw published(AlgorithmRun.Result r) {
        return new PublishedDraw(DrawAlgorithm.ALGORITHM, r.poolDigestHex(), r.sortedPool().size(), r.k(),
                r.sortedPool(), r.seed(), r.seedDigestHex(), r.winners());
    }

    private static AlgorithmRun.Result sample() {
        return AlgorithmRun.draw(List.of("准考证002", "z9", "准考证001", "Ä1", SUPPLEMENTARY_1, FULLWIDTH_A_1,
                "A001", "a01"), 4, List.of("beacon:abc", "骰子 3 5 6"));
    }

    @Test
    void theKnownAnswerRecordVerifies() {
        Result result = DrawVerifier.verifyJson(DrawRecords.read(DrawRecords.KAT_B));
        assertThat(result.differences()).isEmpty();
        assertThat(result.verified()).isTrue();
        assertThat(result.recomputedWinners()).containsExactly("z9", "准考证001", "准考证002", SUPPLEMENTARY_1);
        assertThat(result.recomputedPoolDigest())
                .isEqualTo("9674df75c74f5b5fd86fdca66109fce1ceff1f1b35f7241a6fd583359ea10002");
    }

    @Test
    void theKnownAnswerRecordWithUnicodeEscapesVerifies() {
        PublishedDraw draw = DrawVerifier.parse(DrawRecords.read(DrawRecords.KAT_B_ASCII));
        assertThat(draw.poolKeys()).contains(SUPPLEMENTARY_1, FULLWIDTH_A_1, "准考证001");
        assertThat(DrawVerifier.verify(draw).differences()).isEmpty();
    }

    @Test
    void aRecordOfADrawVerifies() {
        assertThat(DrawVerifier.verify(published(sample())).verified()).isTrue();
        AlgorithmRun.Result none = AlgorithmRun.draw(List.of(), 0, List.of("s"));
        assertThat(DrawVerifier.verify(published(none)).verified()).isTrue();
        assertThat(DrawVerifier.verifyJson(DrawRecords.toJson(sample())).verified()).isTrue();
    }

    @Test
    void aChangedWinnerIsReportedWithItsPosition() {
        AlgorithmRun.Result r = sample();
        List<String> winners = new ArrayList<>(r.winners());
        winners.set(2, "a01");
        PublishedDraw d = published(r);
        Result result = DrawVerifier.verify(new PublishedDraw(d.algorithm(), d.poolDigest(), d.n(), d.k(),
                d.poolKeys(), d.seed(), d.seedDigest(), winners));
        assertThat(result.verified()).isFalse();
        assertThat(result.differences()).hasSize(1);
        assertThat(result.differences().get(0).kind()).isEqualTo(Kind.WINNERS);
        assertThat(result.differences().get(0).message())
                .isEqualTo("winners differ at position 2 (winner #3): expected \"准考证002\", listed \"a01\"");
    }

    @Test
    void reorderedWinnersAndMissingWinnersAreReported() {
        AlgorithmRun.Result r = sample();
        PublishedDraw d = published(r);
        List<String> swapped = new ArrayList<>(r.winners());
        java.util.Collections.swap(swapped, 0, 1);
        Result result = DrawVerifier.verify(new PublishedDraw(d.algorithm(), d.poolDigest(), d.n(), d.k(),
                d.poolKeys(), d.seed(), d.seedDigest(), swapped));
        assertThat(result.differences()).singleElement().extracting(DrawVerifier.Difference::message)
                .asString().startsWith("winners differ at position 0 (winner #1)");

        Result shorter = DrawVerifier.verify(new PublishedDraw(d.algorithm(), d.poolDigest(), d.n(), d.k(),
                d.poolKeys(), d.seed(), d.seedDigest(), r.winners().subList(0, 3)));
        assertThat(shorter.differences()).singleElement().extracting(DrawVerifier.Difference::message).asString()
                .isEqualTo("winners differ at position 3 (winner #4): expected \"" + SUPPLEMENTARY_1
                        + "\", listed (none); 4 winners expected, 3 listed");
    }

    @Test
    void aChangedPoolKeyIsADigestMismatch() {
        String json = DrawRecords.replaceAfter(DrawRecords.read(DrawRecords.KAT_B), "\"pool\"", "\"a01\"", "\"a02\"");
        Result result = DrawVerifier.verifyJson(json);
        assertThat(result.verified()).isFalse();
        assertThat(result.has(Kind.POOL_DIGEST)).isTrue();
        assertThat(result.has(Kind.SEED_DIGEST)).isTrue(); // D is made from the recomputed P
        assertThat(result.has(Kind.POOL_ORDER)).isFalse();
        assertThat(result.differences()).anySatisfy(d -> assertThat(d.message()).startsWith(
                "pool digest mismatch: listed \"9674df75c74f5b5fd86fdca66109fce1ceff1f1b35f7241a6fd583359ea10002\""));
    }

    @Test
    void everyDifferenceIsListed() {
        AlgorithmRun.Result r = sample();
        PublishedDraw bad = new PublishedDraw("baiti-draw-v0", "00".repeat(32), 7, r.k(), r.sortedPool(),
                r.seed(), "11".repeat(32), List.of("A001"));
        Result result = DrawVerifier.verify(bad);
        assertThat(result.differences()).extracting(DrawVerifier.Difference::kind)
                .containsExactly(Kind.ALGORITHM, Kind.N, Kind.POOL_DIGEST, Kind.SEED_DIGEST, Kind.WINNERS);
        assertThat(result.differences().get(0).message()).isEqualTo(
                "algorithm is \"baiti-draw-v0\", not \"baiti-draw-v1\"");
        assertThat(result.differences().get(1).message()).isEqualTo("n is 7 but the pool lists 8 entries");
    }

    @Test
    void aPoolInUtf16OrderIsNotSorted() {
        // A publisher that sorted with String.compareTo puts U+20000 before U+FF21.
        AlgorithmRun.Result r = sample();
        List<String> utf16Order = new ArrayList<>(r.sortedPool());
        utf16Order.sort(String::compareTo);
        assertThat(utf16Order).isNotEqualTo(r.sortedPool());
        PublishedDraw d = published(r);
        Result result = DrawVerifier.verify(new PublishedDraw(d.algorithm(), d.poolDigest(), d.n(), d.k(),
                utf16Order, d.seed(), d.seedDigest(), d.winners()));
        assertThat(result.differences()).extracting(DrawVerifier.Difference::kind).containsExactly(Kind.POOL_ORDER);
        assertThat(result.differences().get(0).message()).contains("not sorted by UTF-8 bytes");
    }

    @Test
    void duplicateAndInvalidKeysAreReported() {
        AlgorithmRun.Result r = AlgorithmRun.draw(List.of("A", "B", "C"), 1, List.of("s"));
        Result dup = DrawDraw.verify(r, List.of("A", "B", "B", "C"));
        assertThat(dup.has(Kind.POOL_ORDER)).isTrue();
        assertThat(dup.has(Kind.N)).isTrue();
        assertThat(dup.differences()).anySatisfy(d -> assertThat(d.message())
                .isEqualTo("pool lists key \"B\" twice (positions 1 and 2)"));
        // Each key counts once, so P, D and the winners still match.
        assertThat(dup.has(Kind.POOL_DIGEST)).isFalse();
        assertThat(dup.has(Kind.WINNERS)).isFalse();

        Result lf = DrawDraw.verify(r, List.of("A", "B", "C\nD"));
        assertThat(lf.differences()).anySatisfy(d -> {
            assertThat(d.kind()).isEqualTo(Kind.POOL_KEY);
            assertThat(d.message()).contains("contains a line feed");
        });
        Result empty = DrawDraw.verify(r, List.of("", "A", "B"));
        assertThat(empty.differences()).anySatisfy(d -> assertThat(d.message()).contains("is empty"));
    }

    @Test
    void kOutsideThePoolAndAnEmptySeedAreReported() {
        AlgorithmRun.Result r = AlgorithmRun.draw(List.of("A", "B"), 2, List.of("s"));
        PublishedDraw d = published(r);
        Result bigK = DrawVerifier.verify(new PublishedDraw(d.algorithm(), d.poolDigest(), d.n(), 3, d.poolKeys(),
                d.seed(), d.seedDigest(), d.winners()));
        assertThat(bigK.has(Kind.K)).isTrue();
        assertThat(bigK.has(Kind.SEED_DIGEST)).isTrue();
        assertThat(bigK.recomputedWinners()).isNull();

        Result noSeed = DrawVerifier.verify(new PublishedDraw(d.algorithm(), d.poolDigest(), d.n(), d.k(),
                d.poolKeys(), List.of(), d.seedDigest(), d.winners()));
        assertThat(noSeed.has(Kind.SEED)).isTrue();
    }

    @Test
    void hexMustBeLowercase() {
        AlgorithmRun.Result r = sample();
        PublishedDraw d = published(r);
        Result result = DrawVerifier.verify(new PublishedDraw(d.algorithm(), d.poolDigest().toUpperCase(), d.n(),
                d.k(), d.poolKeys(), d.seed(), d.seedDigest(), d.winners()));
        assertThat(result.differences()).extracting(DrawVerifier.Difference::kind).containsExactly(Kind.POOL_DIGEST);
    }

    @Test
    void malformedRecordsAreRejectedWithAMessage() {
        assertThatThrownBy(() -> DrawVerifier.verifyJson("{\"algorithm\": "))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("invalid JSON");
        assertThatThrownBy(() -> DrawVerifier.verifyJson("[]"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not an object");
        String good = DrawRecords.read(DrawRecords.KAT_B);
        assertThatThrownBy(() -> DrawVerifier.verifyJson(good.replace("\"seedDigest\"", "\"seedDigestX\"")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("missing field \"seedDigest\"");
        assertThatThrownBy(() -> DrawVerifier.verifyJson(good.replace("\"k\": 4", "\"k\": 4.5")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("\"k\" is not an integer");
        assertThatThrownBy(() -> DrawVerifier.verifyJson(good.replace("\"key\": \"z9\"", "\"key\": 9")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("pool[2]");
        // a verifier must not guess which of two values counts, nor ignore what follows the record
        assertThatThrownBy(() -> DrawVerifier.verifyJson(good.replaceFirst("\\{", "{\"k\": 1, ")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("invalid JSON");
        assertThatThrownBy(() -> DrawVerifier.verifyJson(good + " {}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("invalid JSON");
        assertThat(DrawVerifier.verifyJson("\uFEFF" + good).verified()).as("a byte order mark is no difference").isTrue();
    }

    /** Small helper: the record of r, but listing the given pool keys. */
    private static final class DrawDraw {
        static Result verify(AlgorithmRun.Result r, List<String> listedPool) {
            return DrawVerifier.verify(new PublishedDraw(DrawAlgorithm.ALGORITHM, r.poolDigestHex(), r.sortedPool().size(),
                    r.k(), listedPool, r.seed(), r.seedDigestHex(), r.winners()));
        }
    }
}
