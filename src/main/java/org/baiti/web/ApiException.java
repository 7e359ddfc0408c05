package org.baiti.web;

import java.util.List;

import org.springframework.http.HttpStatus;

/**
 * A refusal the user can act on: becomes {@code {"error", "message", "details"}} with a 4xx status.
 * Messages are Chinese first, then English.
 */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final List<?> details;

    public ApiException(HttpStatus status, String code, String message, List<?> details) {
        super(message);
        this.status = status;
        this.code = code;
        this.details = details == null ? List.of() : List.copyOf(details);
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

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    public List<?> details() {
        return details;
    }
}
