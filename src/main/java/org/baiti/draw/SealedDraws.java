package org.baiti.draw;

import java.util.Comparator;
import java.util.List;

import org.springframework.stereotype.Component;

/** {@link DrawResults} from the stored draws (a contest has a handful). */
@Component
class SealedDraws implements DrawResults {

    private static final Comparator<DrawRecord> REVEAL_ORDER =
            Comparator.comparing(DrawRecord::revealedAt, Comparator.nullsFirst(Comparator.naturalOrder())).thenComparingLong(DrawRecord::id);

    private final Draws draws;

    SealedDraws(Draws draws) {
        this.draws = draws;
    }

    @Override
    public List<DrawRecord> sealed(long contestId) {
        return draws.forContest(contestId).stream().filter(DrawRecord::sealed).sorted(REVEAL_ORDER).toList();
    }
}
