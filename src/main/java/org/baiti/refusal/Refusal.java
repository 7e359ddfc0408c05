package org.baiti.refusal;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * A request the domain refuses, for a reason the person can act on: a stable {@code code} (the API's {@code error}),
 * a {@link Kind} (what sort of refusal: the web layer alone turns it into an HTTP status) and the wording as a message
 * key with arguments, resolved in the request's language when the refusal is shown ({@code messages*.properties}).
 *
 * <pre>{@code
 * throw Refusal.conflict("contest_frozen", "refusal.contest_frozen", contest.name());
 * throw Refusal.invalid("invalid_file", "refusal.invalid_file").withDetails(rowErrors);
 * }</pre>
 *
 * <p>Details are shown as they are, except those that are {@link Detail}s (an import's row errors): their reason is
 * worded in the request's language too.
 */
public class Refusal extends RuntimeException {

    /** What sort of refusal; {@code web.ApiErrors} maps each to one HTTP status. */
    public enum Kind {
        /** The input is wrong (400). */
        INVALID,
        /** There is no such thing, or not for this person (404). */
        NOT_FOUND,
        /** The person may not do this (403). */
        FORBIDDEN,
        /** The thing is not in a state that allows it (409). */
        CONFLICT,
        /** The request does not say who makes it: an attempt's token is missing (401). */
        UNAUTHENTICATED,
        /** Asked too soon or too often; the same request works later (429). */
        TOO_MANY,
        /** The server cannot do it at the moment; the same request may be sent again (503). */
        UNAVAILABLE
    }

    /** A detail whose words depend on the language it is shown in. */
    public interface Detail {
        /** This detail as the JSON object it is shown as, its words resolved by {@code words}. */
        Map<String, Object> shown(Function<MessageSourceResolvable, String> words);
    }

    private final Kind kind;
    private final String code;
    private final String key;
    private final Object[] args;
    private final List<?> details;

    private Refusal(Kind kind, String code, String key, Object[] args, List<?> details) {
        super(code + " (" + key + ")");
        this.kind = Objects.requireNonNull(kind);
        this.code = Objects.requireNonNull(code);
        this.key = Objects.requireNonNull(key);
        this.args = args == null ? new Object[0] : args.clone();
        this.details = details == null ? List.of() : List.copyOf(details);
    }

    public static Refusal invalid(String code, String key, Object... args) {
        return new Refusal(Kind.INVALID, code, key, args, null);
    }

    public static Refusal notFound(String code, String key, Object... args) {
        return new Refusal(Kind.NOT_FOUND, code, key, args, null);
    }

    public static Refusal forbidden(String code, String key, Object... args) {
        return new Refusal(Kind.FORBIDDEN, code, key, args, null);
    }

    public static Refusal conflict(String code, String key, Object... args) {
        return new Refusal(Kind.CONFLICT, code, key, args, null);
    }

    /** A refusal of another {@link Kind} than the four above (a missing token, asked too often, a busy server). */
    public static Refusal of(Kind kind, String code, String key, Object... args) {
        return new Refusal(kind, code, key, args, null);
    }

    /** The same refusal carrying {@code details} (row errors of an import, fields of a form). */
    public Refusal withDetails(List<?> details) {
        return new Refusal(kind, code, key, args, details);
    }

    public Kind kind() {
        return kind;
    }

    public String code() {
        return code;
    }

    public List<?> details() {
        return details;
    }

    /** The wording, for a {@code MessageSource}: the key with its arguments, the key itself when missing. */
    public MessageSourceResolvable wording() {
        return new DefaultMessageSourceResolvable(new String[] {key}, args.clone(), key);
    }
}
