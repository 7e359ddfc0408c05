package org.baiti.online;

import java.time.Duration;
import java.time.Instant;

/**
 * When a submission still counts (SPEC §4), plain Java. The server's grace covers network delay: a submission
 * received within the grace after the time limit is in time; later but before the contest's close plus the
 * grace it is stored and marked late (not ranked); after that it is refused.
 */
final class SubmitTiming {

    /** The verdict on a submission. */
    enum Verdict { IN_TIME, LATE, CLOSED }

    private SubmitTiming() {
    }

    /** The end of the attempt as the page shows it: the time limit, or the contest's close if that is sooner. */
    static Instant expiresAt(Instant issuedAt, int timeLimitSeconds, Instant closesAt) {
        Instant limit = issuedAt.plusSeconds(timeLimitSeconds);
        return limit.isBefore(closesAt) ? limit : closesAt;
    }

    static Verdict judge(Instant issuedAt, int timeLimitSeconds, Instant closesAt, Duration grace, Instant receivedAt) {
        if (receivedAt.isAfter(closesAt.plus(grace))) {
            return Verdict.CLOSED;
        }
        if (receivedAt.isAfter(issuedAt.plusSeconds(timeLimitSeconds).plus(grace))) {
            return Verdict.LATE;
        }
        return Verdict.IN_TIME;
    }
}
