package org.baiti.contest;

import java.time.Instant;

/**
 * What an organizer sets for a contest (API.md {@code POST /api/admin/contests}); optional fields
 * fall back to the defaults of SPEC (one counted attempt, weights 0.4 / 0.4 / 0.2).
 */
public record ContestSettings(
        String name,
        Integer questionsPerPaper,
        Integer timeLimitSeconds,
        Instant opensAt,
        Instant closesAt,
        Integer onlineQuota,
        Integer drawQuota,
        Integer orgQuota,
        Contest.PaperMode paperMode,
        Integer attemptsAllowed,
        Boolean partialCredit,
        Double weightRate,
        Double weightAccuracy,
        Double weightAttention) {
}
