package org.baiti.contest;

import java.time.Instant;

/**
 * What an organizer sets for a contest (docs/api.md {@code POST /api/admin/contests}); optional fields
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
        Double weightAttention,
        // optional per-address rate limits (docs/security.md); absent = the node's default, 0 = none
        Integer addressStartsPerMinute,
        Integer addressSubmitsPerMinute,
        Integer addressCodesPerMinute,
        Integer addressFailuresPerMinute) {

    /** Settings with the node's default per-address limits. */
    public ContestSettings(String name, Integer questionsPerPaper, Integer timeLimitSeconds, Instant opensAt,
                           Instant closesAt, Integer onlineQuota, Integer drawQuota, Integer orgQuota,
                           Contest.PaperMode paperMode, Integer attemptsAllowed, Boolean partialCredit,
                           Double weightRate, Double weightAccuracy, Double weightAttention) {
        this(name, questionsPerPaper, timeLimitSeconds, opensAt, closesAt, onlineQuota, drawQuota, orgQuota, paperMode,
                attemptsAllowed, partialCredit, weightRate, weightAccuracy, weightAttention, null, null, null, null);
    }
}
