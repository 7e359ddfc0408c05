package org.baiti.online;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.baiti.testing.Rows;
import org.baiti.testing.Slice;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The online channel's figures for statistics and charts (JdbcAttemptFigures). */
interface AttemptFiguresContract extends Slice {

    private AttemptFigures figures() {
        return bean(AttemptFigures.class);
    }

    private String submitted(long contest, String phone, Long at) {
        String id = Rows.attempt(jdbc(), contest, phone, "T1", null);
        jdbc().sql("UPDATE attempt SET submitted_at = ?, paper = ?, answers = ? WHERE id = ?")
                .params(at, "{\"p\":\"" + id + "\"}", at == null ? null : "{\"a\":\"" + id + "\"}", id).update();
        return id;
    }

    @Test
    default void submissionsFallInTheIntervalsOfJavasLongDivision() {
        long contest = Rows.contest(jdbc());
        long from = 1_000_000;
        long step = 60_000;
        long[] times = {from, from + 59_999, from + 60_000, from + 130_000, from - 1, from - 59_999, from - 60_000,
                from - 125_000, from + 600_000};
        for (int i = 0; i < times.length; i++) {
            submitted(contest, "1390000000" + i, times[i]);
        }
        submitted(contest, "13911111111", null); // not submitted
        submitted(Rows.contest(jdbc()), "13900000000", from); // another contest

        Map<Long, Long> expected = new java.util.HashMap<>();
        for (long t : times) {
            expected.merge((t - from) / step, 1L, Long::sum);
        }
        assertThat(expected).containsEntry(0L, 4L).containsEntry(-1L, 1L).containsEntry(-2L, 1L);
        assertThat(figures().submissionsByInterval(contest, from, step)).isEqualTo(expected);
        assertThat(figures().submissionsByInterval(Rows.contest(jdbc()), from, step)).isEmpty();
    }

    @Test
    default void theCountedPapersAreThoseOfTheRankedAttempts() {
        long contest = Rows.contest(jdbc());
        String ranked = submitted(contest, "13900000001", 5L);
        String second = submitted(contest, "13900000002", 6L);
        submitted(contest, "13900000003", 7L); // submitted, not in the ranking (late, or not the person's best)
        long other = Rows.contest(jdbc());
        String elsewhere = submitted(other, "13900000001", 5L);
        for (String[] r : new String[][] {{ranked, "13900000001"}, {second, "13900000002"}}) {
            rank(contest, r[1], r[0]);
        }
        rank(other, "13900000001", elsewhere);

        List<String> seen = new ArrayList<>();
        figures().forEachCountedPaper(contest, (paper, answers) -> seen.add(paper + " " + answers));
        assertThat(seen).containsExactlyInAnyOrder(
                "{\"p\":\"" + ranked + "\"} {\"a\":\"" + ranked + "\"}",
                "{\"p\":\"" + second + "\"} {\"a\":\"" + second + "\"}");
    }

    private void rank(long contest, String phone, String attempt) {
        jdbc().sql("""
                INSERT INTO ranking_entry (contest_id, phone, attempt_id, name, unit_code, top_code, accuracy,
                    duration_ms, submitted_at)
                VALUES (?, ?, ?, 'n', 'T1', 'T1', 0.5, 1000, 5)
                """).params(contest, phone, attempt).update();
    }
}
