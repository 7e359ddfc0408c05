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
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.HtmlUtils;

/**
 * Refuses a login (HTTP Basic on the API, the login form on the pages) while its user name or client address is
 * locked by {@link LoginThrottle}: {@code 429} with a message and {@code Retry-After}.
 */
class LoginThrottleFilter extends OncePerRequestFilter {

    private final LoginThrottle throttle;
    private final String loginPath;

    LoginThrottleFilter(LoginThrottle throttle, String loginPath) {
        this.throttle = throttle;
        this.loginPath = loginPath;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String username = basicUser(request);
        boolean form = false;
        if (username == null && "POST".equals(request.getMethod()) && loginPath.equals(path(request))) {
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
        String zh = "登录失败次数过多，已暂停登录，请 " + minutes + " 分钟后再试";
        String en = "Too many failed logins; logging in is paused, try again in " + minutes + " min";
        response.setStatus(429);
        response.setHeader("Retry-After", Long.toString(seconds));
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        if (form) {
            response.setContentType(MediaType.TEXT_HTML_VALUE);
            response.getWriter().write("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
                    + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                    + "<title>登录已暂停 Login paused · 百题 Baiti</title>"
                    + "<link rel=\"stylesheet\" href=\"" + request.getContextPath() + "/css/baiti.css\"></head><body>"
                    + "<main class=\"narrow\"><h1>百题 Baiti</h1><div class=\"error\">" + HtmlUtils.htmlEscape(zh)
                    + "<br>" + HtmlUtils.htmlEscape(en) + "</div><p><a href=\"" + request.getContextPath()
                    + loginPath + "\">返回登录 Back to log in</a></p></main></body></html>");
        } else {
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.getWriter().write("{\"error\":\"too_many_failed_logins\",\"message\":\"" + zh + " / " + en
                    + "\",\"details\":[]}");
        }
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
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
