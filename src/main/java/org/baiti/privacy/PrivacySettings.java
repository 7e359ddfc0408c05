package org.baiti.privacy;

import java.time.Instant;

/**
 * A contest's personal data settings: the organizer's notice text ({@code null} = the default of the message bundles),
 * the retention period in days after the close, whether a start through the API must say {@code "consent": true},
 * and when the phones were last purged ({@code null} = never).
 */
record PrivacySettings(long contestId, String notice, int retentionDays, boolean consentRequired,
                              Instant purgedAt) {

    /** SPEC §8: 180 days after the contest's close. */
    public static final int DEFAULT_RETENTION_DAYS = 180;

    static PrivacySettings defaults(long contestId) {
        return new PrivacySettings(contestId, null, DEFAULT_RETENTION_DAYS, false, null);
    }
}
