package org.baiti.refusal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * A detail of a refusal: what it is about ({@code "field": "name"}, {@code "question": "q3"}) and why, the why worded
 * in the request's language when the refusal is shown: {@code {"field": "name", "reason": "必填"}}.
 *
 * <pre>{@code
 * throw Refusal.invalid("invalid_field", "refusal.contest.invalid")
 *         .withDetails(List.of(Reason.field("name", "refusal.field.required")));
 * }</pre>
 */
public record Reason(Map<String, Object> about, MessageSourceResolvable why) implements Refusal.Detail {

    public Reason {
        about = Collections.unmodifiableMap(new LinkedHashMap<>(about));
    }

    /** Why a field of a form or a request body is refused. */
    public static Reason field(String field, String key, Object... args) {
        return of(Map.of("field", field), key, args);
    }

    /** Why something is refused; {@code about} in its order, entries with a null value left out. */
    public static Reason of(Map<String, ?> about, String key, Object... args) {
        Map<String, Object> facts = new LinkedHashMap<>();
        about.forEach((k, v) -> {
            if (v != null) {
                facts.put(k, v);
            }
        });
        return new Reason(facts, words(key, args));
    }

    /**
     * Words to be resolved later, in the language they are shown in: a message key with its arguments. Also an
     * argument of another message (a contest state's name inside a refusal), which the message source resolves first.
     */
    public static MessageSourceResolvable words(String key, Object... args) {
        return new DefaultMessageSourceResolvable(new String[] {key}, args == null ? new Object[0] : args.clone(), key);
    }

    @Override
    public Map<String, Object> shown(Function<MessageSourceResolvable, String> words) {
        Map<String, Object> out = new LinkedHashMap<>(about);
        out.put("reason", words.apply(why));
        return out;
    }
}
