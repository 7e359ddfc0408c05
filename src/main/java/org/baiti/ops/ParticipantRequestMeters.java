package org.baiti.ops;

import java.io.IOException;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.baiti.refusal.Refusal;
import org.springframework.web.servlet.DispatcherServlet;

/**
 * Counts what the participant requests answered, outside every other filter (so a refusal by the rate limits or the
 * login throttle is seen too): starts issued or refused, submissions refused by reason and how long each submit
 * took, and every 429 by the limit that gave it. It reads the method, the path's ending and the status — no tag
 * comes from the request itself — so it costs a few comparisons per request.
 */
final class ParticipantRequestMeters implements Filter {

    private final ContestMetrics metrics;

    ParticipantRequestMeters(ContestMetrics metrics) {
        this.metrics = metrics;
    }

    /** What a request is, for the meters. */
    private enum Kind { START, SUBMIT, CODE, OTHER }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        Kind kind = kind(request);
        long t0 = kind == Kind.SUBMIT ? System.nanoTime() : 0;
        boolean failed = true;
        try {
            chain.doFilter(req, res);
            failed = false;
        } finally {
            int status = failed ? 500 : response.getStatus();
            switch (kind) {
                case START -> {
                    if (status == 201) {
                        metrics.started();
                    } else if (status >= 400) {
                        metrics.startRefused(reason(request, status));
                    }
                }
                case SUBMIT -> {
                    metrics.submitTook(System.nanoTime() - t0, status);
                    if (status >= 400) {
                        metrics.submitRefused(reason(request, status));
                    }
                }
                default -> {
                }
            }
            if (status == 429) {
                metrics.rateLimited(switch (kind) {
                    case START -> "start";
                    case SUBMIT -> "submit";
                    case CODE -> "code";
                    default -> request.getHeader("Authorization") != null || request.getRequestURI().endsWith("/login")
                            ? "login" : "other";
                });
            }
        }
    }

    /** {@code POST /api/contests/{id}/attempts}, {@code POST /api/attempts/{id}/submit}, {@code .../codes}. */
    private static Kind kind(HttpServletRequest request) {
        if (!"POST".equals(request.getMethod())) {
            return Kind.OTHER;
        }
        String uri = request.getRequestURI();
        if (!uri.startsWith("/api/")) {
            return Kind.OTHER;
        }
        if (uri.endsWith("/")) {
            uri = uri.substring(0, uri.length() - 1);
        }
        if (uri.startsWith("/api/attempts/") && uri.endsWith("/submit")) {
            return Kind.SUBMIT;
        }
        if (uri.startsWith("/api/contests/")) {
            if (uri.endsWith("/attempts") && uri.indexOf('/', "/api/contests/".length()) == uri.length() - "/attempts".length()) {
                return Kind.START;
            }
            if (uri.endsWith("/codes")) {
                return Kind.CODE;
            }
        }
        return Kind.OTHER;
    }

    /** The API's error code of the refusal when Spring MVC handled it, else what the status says. */
    private static String reason(HttpServletRequest request, int status) {
        if (request.getAttribute(DispatcherServlet.EXCEPTION_ATTRIBUTE) instanceof Refusal e) {
            return e.code();
        }
        return switch (status) {
            case 429 -> "rate_limited";
            case 401 -> "unauthorized";
            case 400 -> "bad_request";
            case 404 -> "not_found";
            default -> status >= 500 ? "error" : "http_" + status;
        };
    }
}
