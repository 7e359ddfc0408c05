package org.baiti.draw;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/**
 * Known answers of baiti-draw-v1, computed by the independent Python implementation {@code tools/draw_kat.py}
 * ({@code python3 tools/draw_kat.py}); every constant below is pasted from its output.
 */
class DrawAlgorithmKnownAnswerTest {

    /** U+20000 (a supplementary-plane character, a surrogate pair in Java) followed by "1". */
    private static final String SUPPLEMENTARY_1 = "\uD840\uDC00" + "1";
    /** U+FF21 FULLWIDTH LATIN CAPITAL LETTER A followed by "1". */
    private static final String FULLWIDTH_A_1 = "\uFF21" + "1";

    /** One known answer: the keys (in any order), k and the seed, and what the algorithm must give. */
    record Case(String name, List<String> keys, int k, List<String> seed, List<String> sortedPool, String poolDigest,
                String seedDigest, List<String> winners) {
    }

    private static final List<String> POOL_D = List.of("D1", "D2", "D3", "D4", "D5");
    static final List<String> THOUSAND_KEYS = IntStream.range(0, 1000).mapToObj(i -> String.format("T%05d", i)).toList();

    /** Case C's winners in draw order (also checked in the browser: DrawVerifyPlainHttpBrowserTest). */
    static final List<String> CASE_C_WINNERS = List.of(
            "T00177", "T00645", "T00396", "T00107", "T00586", "T00966", "T00549", "T00108", "T00205", "T00943",
            "T00509", "T00193", "T00400", "T00441", "T00641", "T00419", "T00348", "T00475", "T00227", "T00638",
            "T00771", "T00588", "T00284", "T00726", "T00877", "T00493", "T00897", "T00021", "T00199", "T00307",
            "T00676", "T00700", "T00105", "T00993", "T00308", "T00440", "T00914", "T00035", "T00525", "T00088",
            "T00521", "T00132", "T00702", "T00670", "T00916", "T00434", "T00674", "T00975", "T00115", "T00273",
            "T00494", "T00172", "T00531", "T00526", "T00937", "T00589", "T00264", "T00878", "T00408", "T00474",
            "T00845", "T00562", "T00407", "T00004", "T00084", "T00491", "T00362", "T00355", "T00778", "T00186",
            "T00883", "T00926", "T00000", "T00445", "T00888", "T00219", "T00353", "T00962", "T00578", "T00048",
            "T00349", "T00956", "T00086", "T00347", "T00017", "T00104", "T00594", "T00811", "T00873", "T00135",
            "T00101", "T00150", "T00902", "T00886", "T00921", "T00159", "T00242", "T00215", "T00756", "T00053",
            "T00675", "T00335", "T00724", "T00490", "T00610", "T00160", "T00468", "T00018", "T00762", "T00196",
            "T00356", "T00304", "T00971", "T00472", "T00741", "T00655", "T00426", "T00773", "T00713", "T00950",
            "T00678", "T00988", "T00865", "T00385", "T00489", "T00617", "T00831", "T00443", "T00583", "T00318",
            "T00947", "T00338", "T00709", "T00063", "T00344", "T00226", "T00036", "T00410", "T00948", "T00039");

    static final Case CASE_A = new Case("caseA_tenAsciiKeys", List.of("B007", "A001", "C010", "A002", "B005", "A003", "C009", "B004", "B006", "C008"),
                3, List.of("2026-11-29", "42"),
                List.of("A001", "A002", "A003", "B004", "B005", "B006", "B007", "C008", "C009", "C010"),
                "bdd3fa6b5a23a125c4f8fdaea22742a7b0568af8a96801313b8a138285a90791",
                "6eb1409d3bfcebb1422cfa02cce0ed1cd385bf30fa7991e543e79eaf8a770202",
                List.of("B007", "A001", "B005"));

    static final Case CASE_B = new Case("caseB_nonAsciiKeys_sortByUtf8BytesNotUtf16", List.of("准考证002", "z9", "准考证001", "Ä1", SUPPLEMENTARY_1, FULLWIDTH_A_1, "A001", "a01"),
                4, List.of("beacon:abc", "骰子 3 5 6"),
                List.of("A001", "a01", "z9", "Ä1", "准考证001", "准考证002", FULLWIDTH_A_1, SUPPLEMENTARY_1),
                "9674df75c74f5b5fd86fdca66109fce1ceff1f1b35f7241a6fd583359ea10002",
                "9c61fe5d99ec8e0ed341acfad199838d442f05fe4028ffb36248ad816316a5d3",
                List.of("z9", "准考证001", "准考证002", SUPPLEMENTARY_1));

    static final Case CASE_C = new Case("caseC_thousandKeys_140Winners", THOUSAND_KEYS, 140, List.of("x"), THOUSAND_KEYS,
                "ca50f7170f0948ea3170ceea35cec4b70e47a1a9812d3f3a32f3c7a228c4bee4",
                "a06ad79a530ca45aac37b56ea1c4e08663225bcfcbab92bfbc3c23167f20aa94",
                CASE_C_WINNERS);

    static final Case CASE_D_NONE = new Case("caseD_noWinners", POOL_D, 0, List.of("d"), POOL_D,
                "b4ceafc8e6f8943114891d5acc4165cc7cb70a20834170d9c8c580a0c7aa48bd",
                "f245288b9dd165e3b3b2e5b2e3b298afc43b6720c9969a0271bec69c912cbd2e",
                List.of());

    static final Case CASE_D_ALL = new Case("caseD_everyoneWins", POOL_D, 5, List.of("d"), POOL_D,
                "b4ceafc8e6f8943114891d5acc4165cc7cb70a20834170d9c8c580a0c7aa48bd",
                "4e6f2a348e3b79f196e49f997a3d3d84dd9640626629de162f602013a89ef5c7",
                List.of("D4", "D3", "D5", "D2", "D1"));

    static final Case CASE_E = new Case("caseE_emptyPool", List.of(), 0, List.of("empty"), List.of(),
                "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
                "5f546a8e16ed14dbd0b0931d97a61859d5f67a54634aa41076dc6bbcee50cf21",
                List.of());

    static final Case CASE_F = new Case("caseF_singleKey_emptySeedString", List.of("only"), 1, List.of("", "second"), List.of("only"),
                "321b4285d2fec34a6dc5b6fdb1ab9ee46b1a3129c83e52a00a713a38bac0fe00",
                "04236ff0ec525f203a1299026101ff9c156c9ce1a277144252d4f9e2e58c5639",
                List.of("only"));

    /** Every known answer, for the other implementations' tests (the browser's: DrawVerifyPlainHttpBrowserTest). */
    static List<Case> cases() {
        return List.of(CASE_A, CASE_B, CASE_C, CASE_D_NONE, CASE_D_ALL, CASE_E, CASE_F);
    }

    private static void assertDraw(Case c) {
        assertDraw(c.keys(), c.k(), c.seed(), c.sortedPool(), c.poolDigest(), c.seedDigest(), c.winners());
    }

    private static void assertDraw(List<String> keys, int k, List<String> seed, List<String> sortedPool,
                                   String poolDigest, String seedDigest, List<String> winners) {
        List<String> shuffled = new ArrayList<>(keys);
        Collections.reverse(shuffled);
        AlgorithmRun.Result r = AlgorithmRun.draw(shuffled, k, seed);
        assertThat(r.sortedPool()).containsExactlyElementsOf(sortedPool);
        assertThat(r.poolDigestHex()).isEqualTo(poolDigest);
        assertThat(r.seedDigestHex()).isEqualTo(seedDigest);
        assertThat(r.winners()).containsExactlyElementsOf(winners);

        // The step-by-step API gives the same values.
        List<String> pool = DrawAlgorithm.sortPool(keys);
        assertThat(pool).containsExactlyElementsOf(sortedPool);
        byte[] p = DrawAlgorithm.poolDigest(pool);
        assertThat(DrawAlgorithm.hex(p)).isEqualTo(poolDigest);
        assertThat(DrawAlgorithm.hex(DrawAlgorithm.poolDigest(pool))).isEqualTo(poolDigest);
        byte[] d = DrawAlgorithm.seedDigest(p, k, seed);
        assertThat(DrawAlgorithm.hex(d)).isEqualTo(seedDigest);
        assertThat(DrawAlgorithm.select(pool, k, d)).containsExactlyElementsOf(winners);
    }

    @Test
    void caseA_tenAsciiKeys() {
        assertDraw(CASE_A);
    }

    @Test
    void caseB_nonAsciiKeys_sortByUtf8BytesNotUtf16() {
        assertDraw(CASE_B);
    }

    @Test
    void caseC_thousandKeys_140Winners() {
        assertDraw(CASE_C);
    }

    @Test
    void caseD_noWinners() {
        assertDraw(CASE_D_NONE);
    }

    @Test
    void caseD_everyoneWins() {
        assertDraw(CASE_D_ALL);
    }

    @Test
    void caseE_emptyPool() {
        assertDraw(CASE_E);
    }

    @Test
    void caseF_singleKey_emptySeedString() {
        assertDraw(CASE_F);
    }
}
