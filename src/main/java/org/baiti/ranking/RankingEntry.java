package org.baiti.ranking;

import java.time.Instant;

/** A person's counted online attempt as it stands in the ranking (SPEC §4); {@code phone} is the participant key. */
public record RankingEntry(long contestId, String phone, String attemptId, String name, String unitCode,
                           String topCode, double accuracy, long durationMs, Instant submittedAt) {

    /** What {@link RankingOrder} compares. */
    public RankingOrder.Key key() {
        return new RankingOrder.Key(accuracy, durationMs, submittedAt.toEpochMilli(), phone);
    }
}
