package org.baiti.online;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.baiti.anticheat.SignalledAttempts;
import org.baiti.testing.Rows;
import org.baiti.testing.Slice;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the anti-cheat review list is told of its attempts ({@link SignalledAttempts}, answered beside
 * {@code attempt}): the columns it shows, unknown ids left out, more ids than one statement takes. A JDBC slice on
 * both databases.
 */
interface SignalledAttemptsContract extends Slice {

    @Test
    default void findsTheAttemptsByIdWithWhatTheReviewListShowsAndLeavesOutUnknownIds() {
        SignalledAttempts attempts = bean(SignalledAttempts.class);
        long contest = Rows.contest(jdbc());
        String open = Rows.attempt(jdbc(), contest, "13900000021", "U1", "10.0.0.9");
        String submitted = Rows.attempt(jdbc(), contest, "13900000022", "U2", null);
        jdbc().sql("""
                UPDATE attempt SET name = '提交者', unit_code = 'U2-1', attempt_no = 2, issued_at = 1000,
                    submitted_at = 91000, duration_ms = 90000, score = 4, max_score = 5, accuracy = 0.8
                WHERE id = ?""").param(submitted).update();

        assertThat(attempts.find(List.of(open, submitted, "no-such-attempt"))).hasSize(2)
                .containsEntry(open, new SignalledAttempts.Summary(open, "n", "13900000021", "U1", "10.0.0.9", 1,
                        Instant.EPOCH, null, null, null))
                .containsEntry(submitted, new SignalledAttempts.Summary(submitted, "提交者", "13900000022", "U2-1", null,
                        2, Instant.ofEpochMilli(1000), Instant.ofEpochMilli(91_000), 90_000L, 0.8));
        assertThat(attempts.find(List.of())).isEmpty();
        assertThat(attempts.find(List.of("no-such-attempt"))).isEmpty();
    }

    /** Ids past the first statement's {@value org.baiti.InLists#SIZE} are read by the next one. */
    @Test
    default void findsAttemptsPastTheFirstListOfIds() {
        SignalledAttempts attempts = bean(SignalledAttempts.class);
        long contest = Rows.contest(jdbc());
        List<String> known = List.of(Rows.attempt(jdbc(), contest, "13900000031", "U1", null),
                Rows.attempt(jdbc(), contest, "13900000032", "U1", null),
                Rows.attempt(jdbc(), contest, "13900000033", "U1", null));
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 2 * org.baiti.InLists.SIZE + 100; i++) {
            ids.add("unknown" + i);
        }
        ids.set(0, known.get(0));
        ids.set(org.baiti.InLists.SIZE, known.get(1));
        ids.set(ids.size() - 1, known.get(2));
        assertThat(attempts.find(ids).keySet()).containsExactlyInAnyOrderElementsOf(known);
    }
}
