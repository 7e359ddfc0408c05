package org.baiti.online;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.baiti.refusal.Reason;
import org.baiti.refusal.Refusal;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a submit body, {@code {"answers": {"<questionId>": ["<optionId>", ...]}}}, straight from its bytes with a
 * streaming parser: the busiest call of a contest builds no JSON tree. Only {@code answers} is read; whatever else the
 * browser sends (a time, a score) is skipped unread.
 *
 * <p>A body that is not JSON at all is refused at once, as every other API call refuses one; a body of the wrong
 * shape is refused only when its answers are asked for, i.e. after the token and the time were checked.
 */
final class SubmitBody {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private SubmitBody() {
    }

    /** The answers as question id → option ids, or the refusal of a body of the wrong shape, when asked for. */
    static Supplier<Map<String, List<String>>> parse(byte[] body) {
        if (body == null || body.length == 0) {
            return () -> {
                throw wrongShape();
            };
        }
        try (JsonParser p = JSON.createParser(body)) {
            JsonToken root = p.nextToken();
            if (root == null) { // only white space
                return () -> {
                    throw wrongShape();
                };
            }
            if (root != JsonToken.START_OBJECT) {
                p.skipChildren();
                return () -> {
                    throw wrongShape();
                };
            }
            Map<String, List<String>> answers = null;
            List<Reason> problems = new ArrayList<>();
            boolean seen = false;
            for (JsonToken t = p.nextToken(); t == JsonToken.PROPERTY_NAME; t = p.nextToken()) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (!"answers".equals(name)) {
                    p.skipChildren();
                    continue;
                }
                seen = true;
                if (value != JsonToken.START_OBJECT) {
                    p.skipChildren();
                    answers = null;
                    problems = new ArrayList<>();
                    continue;
                }
                answers = new LinkedHashMap<>();
                problems = new ArrayList<>();
                readAnswers(p, answers, problems);
            }
            if (!seen || answers == null) {
                return () -> {
                    throw wrongShape();
                };
            }
            Map<String, List<String>> read = answers;
            List<Reason> found = problems;
            return () -> {
                if (!found.isEmpty()) {
                    throw Refusal.invalid("malformed_body", "refusal.answers.malformed").withDetails(found);
                }
                return read;
            };
        } catch (JacksonException e) {
            throw Refusal.invalid("malformed_body", "error.malformed_body");
        }
    }

    /** The properties of the {@code answers} object; the parser stands on its {@code START_OBJECT}. */
    private static void readAnswers(JsonParser p, Map<String, List<String>> answers, List<Reason> problems) {
        for (JsonToken t = p.nextToken(); t == JsonToken.PROPERTY_NAME; t = p.nextToken()) {
            String question = p.currentName();
            JsonToken v = p.nextToken();
            List<String> ids = new ArrayList<>();
            if (v == JsonToken.VALUE_STRING) {
                ids.add(p.getString());
            } else if (v == JsonToken.START_ARRAY) {
                for (JsonToken o = p.nextToken(); o != JsonToken.END_ARRAY; o = p.nextToken()) {
                    if (o == JsonToken.VALUE_STRING) {
                        ids.add(p.getString());
                    } else {
                        p.skipChildren();
                        problems.add(Reason.of(Map.of("question", question), "refusal.answers.optionNotString"));
                    }
                }
            } else if (v != JsonToken.VALUE_NULL) {
                p.skipChildren();
                problems.add(Reason.of(Map.of("question", question), "refusal.answers.notAnArray"));
            }
            answers.put(question, ids);
        }
    }

    private static Refusal wrongShape() {
        return Refusal.invalid("malformed_body", "refusal.answers.shape");
    }
}
