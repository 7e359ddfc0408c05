package org.baiti.contest;

import java.time.Instant;
import java.util.Set;

/** Where a contest is in its life, as the staff pages show it: before, during or after its online window, or frozen. */
public enum ContestState {
    /** 未开始: the online window has not opened yet. */
    NOT_STARTED,
    /** 进行中: the online window is open. */
    OPEN,
    /** 已结束: the window has closed; results may still be imported and marked until the freeze. */
    ENDED,
    /** 已冻结: nothing that feeds an award may change. */
    FROZEN;

    /**
     * The settings this state still lets change: everything before the contest opens, less and less after (the three
     * weights count as one, {@code weights}); the names of {@link ContestSettings#changedFrom}.
     */
    public Set<String> changeable() {
        return switch (this) {
            case NOT_STARTED -> Set.of("name", "questionsPerPaper", "timeLimitSeconds", "opensAt", "closesAt",
                    "onlineQuota", "drawQuota", "orgQuota", "paperMode", "attemptsAllowed", "partialCredit", "weights");
            case OPEN -> Set.of("name", "closesAt");
            case ENDED -> Set.of("name");
            case FROZEN -> Set.of();
        };
    }

    public static ContestState of(Contest c, Instant now) {
        if (c.frozen()) {
            return FROZEN;
        }
        if (now.isBefore(c.opensAt())) {
            return NOT_STARTED;
        }
        return now.isBefore(c.closesAt()) ? OPEN : ENDED;
    }
}
