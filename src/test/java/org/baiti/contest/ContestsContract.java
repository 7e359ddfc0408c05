package org.baiti.contest;

import java.time.Instant;
import java.util.List;

import org.baiti.testing.Rows;
import org.baiti.testing.Slice;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The contest table (JdbcContests): the roster switch identity asks for, and a freeze that is set once. */
interface ContestsContract extends Slice {

    private Contests contests() {
        return bean(Contests.class);
    }

    @Test
    default void theRosterSwitchIsOffUntilSetAndBelongsToOneContest() {
        long contest = Rows.contest(jdbc());
        long other = Rows.contest(jdbc());
        assertThat(contests().rosterRequired(contest)).isFalse();
        contests().setRosterRequired(contest, true);
        assertThat(contests().rosterRequired(contest)).isTrue();
        assertThat(contests().rosterRequired(other)).isFalse();
        assertThat(contests().rosterRequired(-1)).as("no such contest").isFalse();
        contests().setRosterRequired(contest, false);
        assertThat(contests().rosterRequired(contest)).isFalse();
    }

    @Test
    default void aContestIsFrozenOnceAtTheFirstInstant() {
        long contest = Rows.contest(jdbc());
        Instant first = Instant.ofEpochMilli(1_000_000);
        assertThat(contests().freeze(contest, first)).isTrue();
        assertThat(contests().freeze(contest, first.plusSeconds(60))).as("already frozen").isFalse();
        assertThat(contests().find(contest).orElseThrow().frozenAt()).isEqualTo(first);
    }
}
