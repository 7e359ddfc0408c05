package org.baiti.web;

import java.util.List;

import org.baiti.refusal.Refusal;
import org.springframework.http.HttpStatus;

/**
 * The old form of a refusal, an HTTP status and a message worded in both languages; being replaced by
 * {@link Refusal} (a code and a message key, worded in the request's language). A {@code Refusal} itself meanwhile, so
 * that a page catching refusals also catches these; {@link ApiErrors} answers it with its own status and words.
 */
public class ApiException extends Refusal {

    private final HttpStatus status;
    private final String message;

    public ApiException(HttpStatus status, String code, String message, List<?> details) {
        super(kindOf(status), code, message, new Object[0], details);
        this.status = status;
        this.message = message;
    }

    private static Kind kindOf(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> Kind.NOT_FOUND;
            case FORBIDDEN -> Kind.FORBIDDEN;
            case CONFLICT -> Kind.CONFLICT;
            case UNAUTHORIZED -> Kind.UNAUTHENTICATED;
            case TOO_MANY_REQUESTS -> Kind.TOO_MANY;
            case SERVICE_UNAVAILABLE -> Kind.UNAVAILABLE;
            default -> Kind.INVALID;
        };
    }

    public static ApiException badRequest(String code, String zh, String en) {
        return new ApiException(HttpStatus.BAD_REQUEST, code, zh + " / " + en, List.of());
    }

    public static ApiException invalidFile(String zh, String en, List<?> rowErrors) {
        return new ApiException(HttpStatus.BAD_REQUEST, "invalid_file", zh + " / " + en, rowErrors);
    }

    public static ApiException notFound(String zh, String en) {
        return new ApiException(HttpStatus.NOT_FOUND, "not_found", zh + " / " + en, List.of());
    }

    public static ApiException conflict(String code, String zh, String en) {
        return new ApiException(HttpStatus.CONFLICT, code, zh + " / " + en, List.of());
    }

    public static ApiException forbidden(String zh, String en) {
        return new ApiException(HttpStatus.FORBIDDEN, "forbidden", zh + " / " + en, List.of());
    }

    @Override
    public String getMessage() {
        return message;
    }

    public HttpStatus status() {
        return status;
    }
}
