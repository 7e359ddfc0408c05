package org.baiti.sheet;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;

/**
 * Why something in a file is wrong, worded only when it is shown, in the language of whoever reads it: a message key
 * of the bundles ({@code messages*.properties}, e.g. {@code row.required}) and its arguments. An argument is a text
 * or a number shown as it is (pass row numbers and codes as texts: numbers get digit grouping), or another reason,
 * worded first in the same language.
 *
 * @param key  the message key
 * @param args the message's arguments {@code {0}}, {@code {1}}…
 */
public record Reason(String key, List<Object> args) implements Serializable {

    public Reason {
        Objects.requireNonNull(key, "key");
        List<Object> copy = new ArrayList<>(args == null ? List.of() : args);
        copy.replaceAll(a -> a == null ? "" : a);
        args = List.copyOf(copy);
    }

    /** The reason with key {@code key} and these arguments. */
    public static Reason of(String key, Object... args) {
        return new Reason(key, args == null ? List.of() : Arrays.asList(args));
    }

    /**
     * Several reasons as one ({@code row.reasons.and}: "甲；乙" / "first; second"); {@code reasons} must not be empty.
     */
    public static Reason all(List<Reason> reasons) {
        if (reasons.isEmpty()) {
            throw new IllegalArgumentException("no reasons");
        }
        Reason joined = reasons.get(reasons.size() - 1);
        for (int i = reasons.size() - 2; i >= 0; i--) {
            joined = of("row.reasons.and", reasons.get(i), joined);
        }
        return joined;
    }

    /**
     * The words of this reason: {@code words} gets a key and its arguments (inner reasons already worded) and answers
     * the message, e.g. {@code (key, args) -> messages.getMessage(key, args, key, locale)}.
     */
    public String in(BiFunction<String, Object[], String> words) {
        Object[] worded = new Object[args.size()];
        for (int i = 0; i < worded.length; i++) {
            Object a = args.get(i);
            worded[i] = a instanceof Reason r ? r.in(words) : a;
        }
        return words.apply(key, worded);
    }

    /** The key with its arguments, for logs: {@code row.duplicate(2)}. */
    @Override
    public String toString() {
        if (args.isEmpty()) {
            return key;
        }
        StringBuilder sb = new StringBuilder(key).append('(');
        for (int i = 0; i < args.size(); i++) {
            sb.append(i > 0 ? ", " : "").append(args.get(i));
        }
        return sb.append(')').toString();
    }
}
