package org.baiti.contest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

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

    /**
     * The names of the settings that differ from the contest's (the three weights count as one, {@code weights}; the
     * per-address limits are the node's operation, not the contest's rules, and are not named).
     */
    public List<String> changedFrom(Contest c) {
        List<String> out = new ArrayList<>();
        diff(out, "name", c.name(), name == null ? null : name.strip());
        diff(out, "questionsPerPaper", c.questionsPerPaper(), questionsPerPaper);
        diff(out, "timeLimitSeconds", c.timeLimitSeconds(), timeLimitSeconds);
        diff(out, "opensAt", c.opensAt(), opensAt);
        diff(out, "closesAt", c.closesAt(), closesAt);
        diff(out, "onlineQuota", c.onlineQuota(), onlineQuota);
        diff(out, "drawQuota", c.drawQuota(), drawQuota);
        diff(out, "orgQuota", c.orgQuota(), orgQuota);
        diff(out, "paperMode", c.paperMode(), paperMode == null ? Contest.PaperMode.FIXED : paperMode);
        diff(out, "attemptsAllowed", c.attemptsAllowed(), attemptsAllowed == null ? 1 : attemptsAllowed);
        diff(out, "partialCredit", c.partialCredit(), Boolean.TRUE.equals(partialCredit));
        if (!same(c.weightRate(), weightRate, 0.4) || !same(c.weightAccuracy(), weightAccuracy, 0.4)
                || !same(c.weightAttention(), weightAttention, 0.2)) {
            out.add("weights");
        }
        return out;
    }

    private static boolean same(double stored, Double given, double fallback) {
        return Math.abs(stored - (given == null ? fallback : given)) < 1e-9;
    }

    private static void diff(List<String> out, String name, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            out.add(name);
        }
    }
}
