package org.baiti.contest;

import java.time.Instant;

/** A contest and its rules: schedule, paper, quotas, award weights, freeze. */
public record Contest(
        long id,
        String name,
        int questionsPerPaper,
        int timeLimitSeconds,
        Instant opensAt,
        Instant closesAt,
        int onlineQuota,
        int drawQuota,
        int orgQuota,
        PaperMode paperMode,
        int attemptsAllowed,
        boolean partialCredit,
        double weightRate,
        double weightAccuracy,
        double weightAttention,
        Instant frozenAt,
        Instant createdAt,
        // per-address rate limits of this contest (docs/security.md); null = the node's default, 0 = none
        Integer addressStartsPerMinute,
        Integer addressSubmitsPerMinute,
        Integer addressCodesPerMinute,
        Integer addressFailuresPerMinute) {

    /** A contest with the node's default per-address limits. */
    public Contest(long id, String name, int questionsPerPaper, int timeLimitSeconds, Instant opensAt, Instant closesAt,
                   int onlineQuota, int drawQuota, int orgQuota, PaperMode paperMode, int attemptsAllowed,
                   boolean partialCredit, double weightRate, double weightAccuracy, double weightAttention,
                   Instant frozenAt, Instant createdAt) {
        this(id, name, questionsPerPaper, timeLimitSeconds, opensAt, closesAt, onlineQuota, drawQuota, orgQuota,
                paperMode, attemptsAllowed, partialCredit, weightRate, weightAccuracy, weightAttention, frozenAt,
                createdAt, null, null, null, null);
    }

    /** How an online paper is put together from the bank. */
    public enum PaperMode {
        /** The first questions of the bank, in bank order, for everyone (also the offline paper). */
        FIXED,
        /** A random draw from the whole bank per attempt. */
        RANDOM,
        /** A random draw per attempt, spread over the categories in proportion to their size. */
        CATEGORY
    }

    public boolean frozen() {
        return frozenAt != null;
    }

    /** Whether the online window is open at the instant. */
    public boolean isOpenAt(Instant now) {
        return !frozen() && !now.isBefore(opensAt) && now.isBefore(closesAt);
    }
}
