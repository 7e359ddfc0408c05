package org.baiti.draw;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MiniJsonTest {

    @Test
    void readsObjectsArraysAndScalars() {
        Object v = MiniJson.parse(" {\"a\": [1, -2.5, 3e2, 0, true, false, null, \"x\"], \"b\": {}, \"c\": []} ");
        assertThat(v).isInstanceOf(Map.class);
        @SuppressWarnings("unchecked")
        Map<String, Object> m = (Map<String, Object>) v;
        assertThat(m.keySet()).containsExactly("a", "b", "c");
        @SuppressWarnings("unchecked")
        List<Object> a = (List<Object>) m.get("a");
        assertThat(a).containsExactly(new BigDecimal("1"), new BigDecimal("-2.5"),
                new BigDecimal("3e2"), new BigDecimal("0"), true, false, null, "x");
        assertThat((Map<?, ?>) m.get("b")).isEmpty();
        assertThat((List<?>) m.get("c")).isEmpty();
    }

    @Test
    void readsEveryStringEscape() {
        assertThat(MiniJson.parse("\"\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u0041 \\u00e4 \\u6D4B\""))
                .isEqualTo("\" \\ / \b \f \n \r \t A ä 测");
    }

    @Test
    void joinsSurrogatePairEscapesIntoOneCharacter() {
        String s = (String) MiniJson.parse("\"\\ud840\\udc001\"");
        assertThat(s).isEqualTo("\uD840\uDC00" + "1");
        assertThat(s.codePointAt(0)).isEqualTo(0x20000);
        assertThat(s.codePointCount(0, s.length())).isEqualTo(2);
        // Raw (unescaped) characters pass through unchanged, including a byte order mark at the very start.
        assertThat(MiniJson.parse("\uFEFF\"𠀀准\"")).isEqualTo("𠀀准");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "{", "[1,]", "{\"a\":1,}", "{\"a\" 1}", "{a:1}", "\"abc", "\"a\nb\"", "01", "1.",
            "-", "1e", "tru", "nul", "[1 2]", "{\"a\":1} x", "\"\\x\"", "\"\\u12G4\"", "\"\\u12\"",
            "{\"a\":1,\"a\":2}", "'a'", "+1", ".5", "[1]]"})
    void rejectsInvalidJson(String text) {
        assertThatThrownBy(() -> MiniJson.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("invalid JSON at offset");
    }

    @Test
    void rejectsDeepNesting() {
        char[] open = new char[10_000];
        Arrays.fill(open, '[');
        assertThatThrownBy(() -> MiniJson.parse(new String(open))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nesting");
    }
}
