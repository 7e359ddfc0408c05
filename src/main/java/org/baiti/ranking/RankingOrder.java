package org.baiti.ranking;

import java.util.Comparator;
import java.util.Objects;

/**
 * The order of counted online attempts (SPEC §4), plain Java: accuracy higher first, then time used
 * (server-measured milliseconds) lower first, then submission time earlier first, then participant key
 * ascending. The order is total: two different participants never compare equal.
 */
public final class RankingOrder implements Comparator<RankingOrder.Key> {

    /** The comparator; {@code compare(a, b) < 0} means a ranks before b. */
    public static final RankingOrder INSTANCE = new RankingOrder();

    /** What the order looks at. {@code submittedAtMs} is epoch milliseconds; {@code participant} the normalized phone. */
    public record Key(double accuracy, long durationMs, long submittedAtMs, String participant) {
        public Key {
            Objects.requireNonNull(participant, "participant");
            if (Double.isNaN(accuracy)) {
                throw new IllegalArgumentException("accuracy is NaN");
            }
        }
    }

    private RankingOrder() {
    }

    @Override
    public int compare(Key a, Key b) {
        // Adding 0.0 turns -0.0 into 0.0, so the two zeros rank alike, as they do in SQL.
        int c = Double.compare(b.accuracy() + 0.0, a.accuracy() + 0.0);
        if (c != 0) {
            return c;
        }
        c = Long.compare(a.durationMs(), b.durationMs());
        if (c != 0) {
            return c;
        }
        c = Long.compare(a.submittedAtMs(), b.submittedAtMs());
        if (c != 0) {
            return c;
        }
        return a.participant().compareTo(b.participant());
    }

    /** Whether {@code candidate} ranks strictly before {@code current}: the rule for keeping the best attempt. */
    public static boolean better(Key candidate, Key current) {
        return INSTANCE.compare(candidate, current) < 0;
    }
}
