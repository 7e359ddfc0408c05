package org.baiti.limits;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The node's rate limits of participant requests ({@code baiti.rate-limit.*}; README and docs/security.md). The
 * per-address ones are defaults: a contest may set its own. A value of 0 switches that limit off.
 *
 * @param enabled                  false switches every participant limit off (the test suite does, it talks from one address)
 * @param addressStartsPerMinute   attempt starts (and resumes) of one contest from one client address
 * @param addressSubmitsPerMinute  submissions of one contest from one client address
 * @param addressCodesPerMinute    one-time codes asked for in one contest from one client address
 * @param addressFailuresPerMinute refused requests (bad or replaced tokens, refused starts, wrong resume codes) from one
 *                                 address; beyond them the address is refused until the bucket refills
 * @param attemptRequestsPerMinute requests naming one attempt (submit, draft saves, signals, reads)
 * @param phoneFailuresPerHour     wrong resume codes for one phone in one contest
 */
@ConfigurationProperties("baiti.rate-limit")
public record RateLimitSettings(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("600") int addressStartsPerMinute,
        @DefaultValue("600") int addressSubmitsPerMinute,
        @DefaultValue("600") int addressCodesPerMinute,
        @DefaultValue("60") int addressFailuresPerMinute,
        @DefaultValue("60") int attemptRequestsPerMinute,
        @DefaultValue("10") int phoneFailuresPerHour) {
}
