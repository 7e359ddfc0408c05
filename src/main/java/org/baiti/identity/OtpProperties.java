package org.baiti.identity;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * One-time codes ({@code baiti.otp.*}): on or off, the SMS provider ({@code development}, {@code aliyun},
 * {@code tencent}), how long a code is valid, the pause before another code to the same phone, the wrong codes
 * allowed per code, and the codes a phone may get per day.
 */
@ConfigurationProperties("baiti.otp")
record OtpProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("development") String provider,
        @DefaultValue("10m") Duration validFor,
        @DefaultValue("60s") Duration resendPause,
        @DefaultValue("5") int maxTries,
        @DefaultValue("10") int maxPerDay) {
}
