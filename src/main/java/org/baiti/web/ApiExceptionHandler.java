package org.baiti.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Every failure of a JSON endpoint becomes an {@link ApiError} through {@link ApiErrors}; never a stack trace. */
@RestControllerAdvice(annotations = RestController.class)
class ApiExceptionHandler {

    private final ApiErrors errors;

    ApiExceptionHandler(ApiErrors errors) {
        this.errors = errors;
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ApiError> failed(Exception e, HttpServletRequest request) {
        ApiErrors.Problem p = errors.of(request, e, 500);
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(p.status());
        if (e instanceof TooManyRequests t) {
            answer.header("Retry-After", Long.toString(t.seconds()));
        }
        return answer.body(p.body());
    }
}
