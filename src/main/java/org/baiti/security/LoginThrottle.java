package org.baiti.security;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.baiti.ops.ContestMetrics;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Login throttling: after {@code max-failures} failed logins for one user name, or {@code max-failures-per-address}
 * from one client address, within {@code window}, further logins for that name or from that address are refused for
 * {@code lock}, right password or not. Kept in the database, so every node of a cluster sees the same counts.
 */
@Component
@EnableConfigurationProperties(LoginThrottleSettings.class)
class LoginThrottle {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final int maxPerUser;
    private final int maxPerAddress;
    private final long windowMs;
    private final long lockMs;
    private final ContestMetrics metrics;

    LoginThrottle(JdbcClient jdbc, Clock clock, ContestMetrics metrics,
                  LoginThrottleSettings settings) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.metrics = metrics;
        this.maxPerUser = settings.maxFailures();
        this.maxPerAddress = settings.maxFailuresPerAddress();
        this.windowMs = settings.window().toMillis();
        this.lockMs = settings.lock().toMillis();
    }

    /** How long logins for this name or from this address stay refused; empty when they may go ahead. */
    Optional<Duration> lockedFor(String username, String address) {
        long now = clock.millis();
        List<Long> until = jdbc.sql("SELECT locked_until FROM login_throttle WHERE throttle_key IN (?, ?) AND locked_until > ?")
                .params(userKey(username), addressKey(address), now).query(Long.class).list();
        return until.stream().max(Long::compare).map(u -> Duration.ofMillis(u - now));
    }

    @EventListener
    void failed(AbstractAuthenticationFailureEvent event) {
        String address = event.getAuthentication().getDetails() instanceof WebAuthenticationDetails d
                ? d.getRemoteAddress() : null;
        failed(event.getAuthentication().getName(), address);
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        String key = userKey(event.getAuthentication().getName());
        // Every Basic request authenticates: write only when there is something to forget.
        if (jdbc.sql("SELECT COUNT(*) FROM login_throttle WHERE throttle_key = ?").param(key).query(Long.class).single() > 0) {
            jdbc.sql("DELETE FROM login_throttle WHERE throttle_key = ? AND (locked_until IS NULL OR locked_until <= ?)")
                    .params(key, clock.millis()).update();
        }
    }

    /**
     * Forgets counts whose window has passed and locks that have ended (every hour; a name or address tried once
     * would otherwise stay in the table for good). What it removes no longer refuses anything.
     */
    @Scheduled(fixedDelayString = "${baiti.login-throttle.cleanup-every:1h}", initialDelayString = "${baiti.login-throttle.cleanup-every:1h}")
    int forgetOld() {
        long now = clock.millis();
        return jdbc.sql("DELETE FROM login_throttle WHERE window_start < ? AND (locked_until IS NULL OR locked_until <= ?)")
                .params(now - windowMs, now).update();
    }

    void failed(String username, String address) {
        count(userKey(username), maxPerUser);
        if (address != null) {
            count(addressKey(address), maxPerAddress);
        }
    }

    private void count(String key, int max) {
        long now = clock.millis();
        long windowStart = now - windowMs;
        jdbc.sql("""
                INSERT INTO login_throttle (throttle_key, failures, window_start, locked_until) VALUES (?, 1, ?, NULL)
                ON CONFLICT (throttle_key) DO UPDATE SET
                    failures = CASE WHEN login_throttle.window_start < ? THEN 1 ELSE login_throttle.failures + 1 END,
                    window_start = CASE WHEN login_throttle.window_start < ? THEN ? ELSE login_throttle.window_start END
                """).params(key, now, windowStart, windowStart, now).update();
        int locked = jdbc.sql("""
                UPDATE login_throttle SET locked_until = ?
                WHERE throttle_key = ? AND failures >= ? AND (locked_until IS NULL OR locked_until <= ?)
                """).params(now + lockMs, key, max, now).update();
        if (locked > 0) {
            metrics.loginLockout(key.startsWith("addr:"));
        }
    }

    private static String userKey(String username) {
        return "user:" + (username == null ? "" : username.strip().toLowerCase(Locale.ROOT));
    }

    private static String addressKey(String address) {
        return "addr:" + address;
    }
}
