package org.baiti.online;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.baiti.refusal.Reason;
import org.baiti.refusal.Refusal;
import org.junit.jupiter.api.Test;

/** The submit body read with a streaming parser: the same answers, the same refusals, as the JSON tree gave. */
class SubmitBodyTest {

    private static Supplier<Map<String, List<String>>> parse(String body) {
        return SubmitBody.parse(body == null ? null : body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsOnlyTheAnswersAndSkipsEverythingElse() {
        Map<String, List<String>> answers = parse("""
                {"durationMs": 1, "score": {"x": [1, {"y": 2}]}, "answers": {"Q1": ["a", "b"], "题2": "c", "Q3": null,
                 "Q4": []}, "trailing": [[]]}""").get();
        assertThat(answers).containsExactly(Map.entry("Q1", List.of("a", "b")), Map.entry("题2", List.of("c")),
                Map.entry("Q3", List.of()), Map.entry("Q4", List.of()));
    }

    @Test
    void aBodyThatIsNotJsonIsRefusedAtOnce() {
        for (String bad : List.of("{", "{\"answers\": {\"Q1\": [\"a\"", "{\"answers\" 1}", "[1,,2]")) {
            assertThatThrownBy(() -> parse(bad)).as(bad).isInstanceOfSatisfying(Refusal.class,
                    e -> assertThat(e.code()).isEqualTo("malformed_body"));
        }
    }

    @Test
    void aBodyOfTheWrongShapeIsRefusedOnlyWhenItsAnswersAreAskedFor() {
        for (String bad : List.of("", " ", "[]", "null", "42", "\"x\"", "{}", "{\"answers\": \"all right\"}",
                "{\"answers\": [\"a\"]}", "{\"answers\": {\"Q1\": [\"a\"]}, \"answers\": 1}")) {
            Supplier<Map<String, List<String>>> deferred = parse(bad);
            assertThatThrownBy(deferred::get).as(bad).isInstanceOfSatisfying(Refusal.class,
                    e -> assertThat(e.code()).isEqualTo("malformed_body"));
        }
        assertThatThrownBy(parse(null)::get).isInstanceOf(Refusal.class);
    }

    @Test
    void everyAnswerOfTheWrongTypeIsListed() {
        Supplier<Map<String, List<String>>> deferred = parse("{\"answers\": {\"Q1\": [1, \"a\", [\"b\"]], \"Q2\": true, \"Q3\": {\"a\": 1}, \"Q4\": [\"ok\"]}}");
        assertThatThrownBy(deferred::get).isInstanceOfSatisfying(Refusal.class, e -> {
            assertThat(e.code()).isEqualTo("malformed_body");
            List<Object> questions = e.details().stream().map(d -> ((Reason) d).about().get("question")).toList();
            assertThat(questions).containsExactly("Q1", "Q1", "Q2", "Q3");
        });
    }
}
