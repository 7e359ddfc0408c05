package org.baiti.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How staff logins are throttled ({@code baiti.login-throttle.*}, docs/security.md).
 *
 * @param maxFailures           failed logins of one account within {@code window} before it is locked
 * @param maxFailuresPerAddress failed logins from one address within {@code window} before it is locked
 * @param window                the time failures are counted over
 * @param lock                  how long an account or address stays locked
 */
@ConfigurationProperties("baiti.login-throttle")
record LoginThrottleSettings(@DefaultValue("5") int maxFailures, @DefaultValue("5") int maxFailuresPerAddress,
                             @DefaultValue("15m") Duration window, @DefaultValue("15m") Duration lock) {
}
