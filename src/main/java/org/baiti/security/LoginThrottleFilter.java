package org.baiti.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.baiti.web.ApiErrors;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.HtmlUtils;

/**
 * Refuses a login (HTTP Basic on the API, the login form on the pages) while its user name or client address is
 * locked by {@link LoginThrottle}: {@code 429} with a message and {@code Retry-After}.
 */
class LoginThrottleFilter extends OncePerRequestFilter {

    private final LoginThrottle throttle;
    private final ApiErrors errors;
    /** The form login's own matcher: the decoded path, so {@code /%6cogin} is the login form too. */
    private final RequestMatcher loginForm;
    private final String loginPath;

    LoginThrottleFilter(LoginThrottle throttle, ApiErrors errors, String loginPath) {
        this.throttle = throttle;
        this.errors = errors;
        this.loginPath = loginPath;
        this.loginForm = PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, loginPath);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String username = basicUser(request);
        boolean form = false;
        if (username == null && loginForm.matches(request)) {
            username = request.getParameter("username");
            form = true;
        }
        if (username == null) {
            chain.doFilter(request, response);
            return;
        }
        Optional<Duration> locked = throttle.lockedFor(username, request.getRemoteAddr());
        if (locked.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        long seconds = Math.max(1, (locked.get().toMillis() + 999) / 1000);
        long minutes = (seconds + 59) / 60;
        ApiErrors.Problem p = errors.problem(request, HttpStatus.TOO_MANY_REQUESTS, "too_many_failed_logins", minutes);
        response.setHeader("Retry-After", Long.toString(seconds));
        if (!form) {
            errors.write(response, p);
            return;
        }
        response.setStatus(p.status().value());
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setContentType(MediaType.TEXT_HTML_VALUE);
        String name = errors.message(request, "app.name");
        response.getWriter().write("<!DOCTYPE html><html><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + HtmlUtils.htmlEscape(name) + "</title>"
                + "<link rel=\"stylesheet\" href=\"" + request.getContextPath() + "/css/baiti.css\"></head><body>"
                + "<main class=\"narrow\"><h1>" + HtmlUtils.htmlEscape(name) + "</h1><div class=\"error\">"
                + HtmlUtils.htmlEscape(p.body().message()) + "</div><p><a href=\"" + request.getContextPath()
                + loginPath + "\">" + HtmlUtils.htmlEscape(errors.message(request, "login.back")) + "</a></p></main></body></html>");
    }

    /** The user name of an HTTP Basic header, or null. */
    private static String basicUser(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header == null || header.length() < 6 || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? decoded : decoded.substring(0, colon);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
