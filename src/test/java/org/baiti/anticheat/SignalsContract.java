package org.baiti.anticheat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.baiti.testing.Rows;
import org.baiti.testing.Slice;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The anti-cheat tables (signals, attempts counted per address and top-level unit) through {@link Signals}: what a
 * purge asks it to forget, and only for that contest; the review list of the signals with the attempts {@link Known}
 * tells (the online channel's side, {@code online/SignalledAttemptsContract}). A JDBC slice on both databases.
 */
interface SignalsContract extends Slice {

    /** {@link SignalledAttempts} from the attempts a test told it, and the ids each call asked for. */
    class Known implements SignalledAttempts {

        final Map<String, Summary> attempts = new ConcurrentHashMap<>();
        final List<List<String>> asked = new ArrayList<>();

        @Override
        public synchronized Map<String, Summary> find(Collection<String> ids) {
            asked.add(List.copyOf(ids));
            Map<String, Summary> out = new HashMap<>();
            ids.stream().filter(attempts::containsKey).forEach(id -> out.put(id, attempts.get(id)));
            return out;
        }
    }

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

    /**
     * The review list: the contest's newest signals (the limit counts signals), grouped by attempt in the order of
     * each attempt's newest signal, the attempt as {@link SignalledAttempts} tells it (asked once, each id once), the
     * phone masked; another contest's signals are not listed.
     */
    @Test
    default void theReviewListGroupsTheNewestSignalsByAttemptWithTheAttemptsAskedOnce() {
        Known known = bean(Known.class);
        long contest = Rows.contest(jdbc());
        long other = Rows.contest(jdbc());
        String first = Rows.attempt(jdbc(), contest, "13900000011", "U1", "10.0.0.1");
        String second = Rows.attempt(jdbc(), contest, "13900000012", "U2", null);
        String oldest = Rows.attempt(jdbc(), contest, "13900000013", "U1", null);
        String elsewhere = Rows.attempt(jdbc(), other, "13900000014", "U1", null);
        Instant t = Instant.ofEpochMilli(1_700_000_000_000L);
        known.attempts.put(first, new SignalledAttempts.Summary(first, "甲", "13900000011", "U1-1", "10.0.0.1", 2,
                t, t.plusSeconds(90), 90_000L, 0.8));
        known.attempts.put(second, new SignalledAttempts.Summary(second, "乙", "13900000012", "U2", null, 1,
                t, null, null, null));
        known.attempts.put(oldest, new SignalledAttempts.Summary(oldest, "丙", "13900000013", "U1", null, 1,
                t, null, null, null));
        signals().recordAll(List.of(
                new Signal(oldest, contest, Signal.Kind.PAGE_HIDDEN, t.plusSeconds(1), 1, "{\"count\":1}"),
                new Signal(first, contest, Signal.Kind.PAGE_HIDDEN, t.plusSeconds(2), 4, "{\"count\":4}"),
                new Signal(second, contest, Signal.Kind.PAGE_HIDDEN, t.plusSeconds(3), 1, "{\"count\":1}"),
                new Signal(first, contest, Signal.Kind.TOO_FAST, t.plusSeconds(4), 1, "{\"durationMs\":900}"),
                new Signal(elsewhere, other, Signal.Kind.TOO_FAST, t.plusSeconds(5), 1, "{}")));
        known.asked.clear();

        List<Review> all = signals().review(contest, 100);
        assertThat(all).extracting(Review::attemptId).containsExactly(first, second, oldest);
        assertThat(known.asked).as("one question for the list").hasSize(1);
        assertThat(known.asked.get(0)).containsExactlyInAnyOrder(first, second, oldest);
        Review r = all.get(0);
        assertThat(r).isEqualTo(new Review(first, "甲", "139****0011", "U1-1", "10.0.0.1", 2, t, t.plusSeconds(90),
                90_000L, 0.8, List.of(new Review.Item("too_fast", t.plusSeconds(4), 1, "{\"durationMs\":900}"),
                        new Review.Item("page_hidden", t.plusSeconds(2), 4, "{\"count\":4}"))));
        assertThat(all.get(1)).isEqualTo(new Review(second, "乙", "139****0012", "U2", null, 1, t, null, null, null,
                List.of(new Review.Item("page_hidden", t.plusSeconds(3), 1, "{\"count\":1}"))));

        // the limit counts signals, newest first: the three newest are two of the first attempt and one of the second
        known.asked.clear();
        List<Review> three = signals().review(contest, 3);
        assertThat(three).extracting(Review::attemptId).containsExactly(first, second);
        assertThat(three.get(0).signals()).hasSize(2);
        assertThat(known.asked).containsExactly(List.of(first, second));
        assertThat(signals().review(contest, 1)).singleElement()
                .satisfies(one -> assertThat(one.signals()).extracting(Review.Item::kind).containsExactly("too_fast"));

        // an attempt the online channel does not know is not listed (the join did the same)
        known.attempts.remove(second);
        assertThat(signals().review(contest, 100)).extracting(Review::attemptId).containsExactly(first, oldest);
        known.attempts.put(second, new SignalledAttempts.Summary(second, "乙", "13900000012", "U2", null, 1,
                t, null, null, null));

        assertThat(signals().review(Rows.contest(jdbc()), 100)).as("a contest without signals").isEmpty();
    }
}
