package org.baiti.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MultipartException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * What the container shows for a failure that no controller handled — a request it could not parse (a multipart body
 * without a boundary), a firewall rejection, an unknown path: the API's JSON error under {@code /api/}, the error page
 * elsewhere, both with the status and code of {@link ApiErrors}.
 */
@Controller
class ErrorPages implements ErrorController {

    private final ApiErrors errors;

    ErrorPages(ApiErrors errors) {
        this.errors = errors;
    }

    @RequestMapping(value = "/error", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ApiError> json(HttpServletRequest request) {
        ApiErrors.Problem p = problem(request);
        return ResponseEntity.status(p.status()).contentType(MediaType.APPLICATION_JSON).body(p.body());
    }

    @RequestMapping("/error")
    Object page(HttpServletRequest request) {
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        return render(request, problem(request), uri instanceof String path ? path : request.getRequestURI());
    }

    /** The API's JSON error for a path under {@code /api/}, the error page for any other. */
    Object render(HttpServletRequest request, ApiErrors.Problem p, String path) {
        if (path.startsWith(request.getContextPath() + "/api/")) {
            return ResponseEntity.status(p.status()).contentType(MediaType.APPLICATION_JSON).body(p.body());
        }
        ModelAndView page = new ModelAndView("error");
        page.setStatus(p.status());
        page.addObject("status", p.status().value());
        if (p.status().is4xxClientError()) {
            page.addObject("message", p.body().message());
        }
        return page;
    }

    /**
     * A request Spring MVC could not even hand to a controller — a multipart body it cannot parse, a firewall
     * rejection while reading parameters — answered here instead of escaping to the container as a logged error.
     */
    @ControllerAdvice
    @Order(Ordered.LOWEST_PRECEDENCE)
    static class Unhandled {

        private final ApiErrors errors;
        private final ErrorPages pages;

        Unhandled(ApiErrors errors, ErrorPages pages) {
            this.errors = errors;
            this.pages = pages;
        }

        @ExceptionHandler({MultipartException.class, RequestRejectedException.class})
        Object failed(Exception e, HttpServletRequest request) {
            return pages.render(request, errors.of(request, e, 400), request.getRequestURI());
        }
    }

    private ApiErrors.Problem problem(HttpServletRequest request) {
        Object failure = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        return errors.of(request, failure instanceof Throwable t ? t : null,
                status instanceof Integer s ? s : 500);
    }
}
