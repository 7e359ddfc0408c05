package org.baiti.draw;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** How the verifier reads a record's JSON: strictly, so it never has to guess which value counts. */
class DrawVerifierJsonTest {

    private static final String GOOD = DrawRecords.read(DrawRecords.KAT_B);

    @ParameterizedTest
    @ValueSource(strings = {"{", "[1,]", "{\"a\":1,}", "{\"a\" 1}", "{a:1}", "\"abc", "\"a\nb\"", "01", "1.",
            "-", "1e", "tru", "nul", "[1 2]", "{\"a\":1} x", "\"\\x\"", "\"\\u12G4\"", "\"\\u12\"",
            "{\"a\":1,\"a\":2}", "'a'", "+1", ".5", "[1]]"})
    void refusesTextThatIsNotOneJsonValue(String text) {
        assertThatThrownBy(() -> DrawVerifier.verifyJson(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("invalid JSON");
    }

    @Test
    void refusesARecordThatStatesAFieldTwiceOrHasContentAfterIt() {
        assertThat(DrawVerifier.verifyJson(GOOD).verified()).isTrue();
        assertThatThrownBy(() -> DrawVerifier.verifyJson(GOOD.replaceFirst("\\{", "{\"k\": 1, ")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("invalid JSON");
        assertThatThrownBy(() -> DrawVerifier.verifyJson(GOOD + " {}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("invalid JSON");
        assertThatThrownBy(() -> DrawVerifier.verifyJson(""))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void readsEscapesSurrogatePairsAndALeadingByteOrderMark() {
        assertThat(DrawVerifier.verifyJson("\uFEFF" + GOOD).verified()).isTrue();
        // The same record with every key written as \\u escapes (surrogate pairs as two escapes) verifies alike.
        StringBuilder escaped = new StringBuilder();
        int pool = GOOD.indexOf("\"pool\"");
        for (int i = 0; i < GOOD.length(); i++) {
            char c = GOOD.charAt(i);
            escaped.append(i > pool && c > 0x7f ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        assertThat(escaped.toString()).isNotEqualTo(GOOD).contains("\\u");
        assertThat(DrawVerifier.verifyJson(escaped.toString()).verified()).isTrue();
    }
}
