package org.baiti.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Rate limits on the participant endpoints, per client address ({@code request.getRemoteAddr()}; behind a proxy set
 * {@code server.forward-headers-strategy=native}): {@code 429 rate_limited} with {@code Retry-After}.
 */
class RateLimitFilter extends OncePerRequestFilter {

    private static final Pattern START = Pattern.compile("/api/contests/[^/]+/attempts/?");
    private static final Pattern SUBMIT = Pattern.compile("/api/attempts/[^/]+/submit/?");
    private static final Pattern CODE = Pattern.compile("/api/contests/[^/]+/codes/?");

    private final RateLimiter limiter;

    RateLimitFilter(RateLimiter limiter) {
        this.limiter = limiter;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        RateLimiter.Kind kind = START.matcher(path).matches() ? RateLimiter.Kind.START
                : SUBMIT.matcher(path).matches() ? RateLimiter.Kind.SUBMIT
                : CODE.matcher(path).matches() ? RateLimiter.Kind.CODE : null;
        long wait = kind == null ? 0 : limiter.acquire(kind, request.getRemoteAddr());
        if (wait == 0) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(429);
        response.setHeader("Retry-After", Long.toString(wait));
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("{\"error\":\"rate_limited\",\"message\":\"请求过于频繁，请 " + wait
                + " 秒后再试 / Too many requests; try again in " + wait + " s\",\"details\":[]}");
    }
}
