package org.baiti.anticheat;

import java.time.Instant;
import java.util.List;

import org.baiti.testing.Rows;
import org.baiti.testing.Slice;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The anti-cheat tables (signals, attempts counted per address and top-level unit) through {@link Signals}: what a
 * purge asks it to forget, and only for that contest. A JDBC slice on both databases.
 */
interface SignalsContract extends Slice {

    private Signals signals() {
        return bean(Signals.class);
    }

    private long counted(long contest, String address) {
        return jdbc().sql("SELECT COALESCE(SUM(attempts), 0) FROM attempt_address_unit_count WHERE contest_id = ? AND client_ip = ?")
                .params(contest, address).query(Long.class).single();
    }

    private String detail(String attemptId, Signal.Kind kind) {
        return jdbc().sql("SELECT detail FROM attempt_signal WHERE attempt_id = ? AND kind = ?").params(attemptId, kind.code())
                .query(String.class).single();
    }

    @Test
    default void startsAreCountedPerAddressAndTopLevelUnitWithoutTheNullAddress() {
        long contest = Rows.contest(jdbc());
        signals().countStarts(List.of(new Signals.StartedFrom(contest, "10.0.0.1", "U1"),
                new Signals.StartedFrom(contest, "10.0.0.1", "U1"), new Signals.StartedFrom(contest, "10.0.0.1", "U2"),
                new Signals.StartedFrom(contest, null, "U1")));
        signals().countStarts(List.of(new Signals.StartedFrom(contest, "10.0.0.1", "U1")));
        assertThat(jdbc().sql("SELECT top_code || ':' || attempts FROM attempt_address_unit_count WHERE contest_id = ? ORDER BY top_code")
                .param(contest).query(String.class).list()).containsExactly("U1:3", "U2:1");
    }

    @Test
    default void forgettingAddressesClearsTheCountsAndTheAddressInTheSignalsOfThatContestOnly() {
        long contest = Rows.contest(jdbc());
        long other = Rows.contest(jdbc());
        String many = Rows.attempt(jdbc(), contest, "13900000001", "U1", "10.0.0.1");
        String fast = Rows.attempt(jdbc(), contest, "13900000002", "U1", "10.0.0.1");
        String elsewhere = Rows.attempt(jdbc(), other, "13900000003", "U1", "10.0.0.1");
        signals().countStarts(List.of(new Signals.StartedFrom(contest, "10.0.0.1", "U1"),
                new Signals.StartedFrom(contest, "10.0.0.1", "U1"), new Signals.StartedFrom(other, "10.0.0.1", "U1")));
        Instant now = Instant.ofEpochMilli(clock().millis());
        String address = "{\"address\":\"10.0.0.1\",\"attempts\":3}";
        signals().recordAll(List.of(
                new Signal(many, contest, Signal.Kind.MANY_ATTEMPTS_FROM_ADDRESS, now, 3, address),
                new Signal(fast, contest, Signal.Kind.TOO_FAST, now, 1, "{\"durationMs\":1200}"),
                new Signal(elsewhere, other, Signal.Kind.MANY_ATTEMPTS_FROM_ADDRESS, now, 2, address)));

        signals().forgetAddresses(contest);

        assertThat(counted(contest, "10.0.0.1")).isZero();
        assertThat(detail(many, Signal.Kind.MANY_ATTEMPTS_FROM_ADDRESS)).isEqualTo("{}");
        assertThat(jdbc().sql("SELECT hits FROM attempt_signal WHERE attempt_id = ?").param(many).query(Integer.class).single())
                .as("the signal stays on the review list with its count").isEqualTo(3);
        assertThat(detail(fast, Signal.Kind.TOO_FAST)).isEqualTo("{\"durationMs\":1200}");
        assertThat(counted(other, "10.0.0.1")).as("another contest").isEqualTo(1);
        assertThat(detail(elsewhere, Signal.Kind.MANY_ATTEMPTS_FROM_ADDRESS)).isEqualTo(address);
    }
}
