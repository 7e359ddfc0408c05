package org.baiti.offline;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.baiti.testing.Rows;
import org.baiti.testing.Slice;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The offline results' counts for statistics and charts (JdbcOfflineResults). */
interface OfflineCountsContract extends Slice {

    private OfflineResults results() {
        return bean(OfflineResults.class);
    }

    private void result(long contest, String ticket, String unit, int score, String answers) {
        jdbc().sql("""
                INSERT INTO offline_result (contest_id, ticket, name, phone, unit_code, top_code, score, max_score,
                    accuracy, perfect, venue, answers, import_id, row_no)
                VALUES (?, ?, 'n', ?, ?, ?, ?, 4, ?, ?, NULL, ?, 1, 1)
                """).params(contest, ticket, "137" + ticket, unit, unit.substring(0, 2), score, score / 4.0,
                score == 4 ? 1 : 0, answers).update();
    }

    @Test
    default void countsArePerUnitPerAccuracyAndPerfectOfTheContest() {
        long contest = Rows.contest(jdbc());
        long other = Rows.contest(jdbc());
        result(contest, "00000001", "T1", 4, "A|B");
        result(contest, "00000002", "T1", 3, null);
        result(contest, "00000003", "T1-1", 4, "C");
        result(contest, "00000004", "T2", 1, "");
        result(other, "00000001", "T1", 4, "D");

        assertThat(results().countPerfect(contest)).isEqualTo(2);
        assertThat(results().countsByUnit(contest, null)).isEqualTo(Map.of("T1", 2L, "T1-1", 1L, "T2", 1L));
        assertThat(results().countsByUnit(contest, List.of("T1-1", "T2", "T9"))).isEqualTo(Map.of("T1-1", 1L, "T2", 1L));
        assertThat(results().countsByUnit(contest, List.of())).isEmpty();
        assertThat(results().countsByAccuracy(contest)).isEqualTo(Map.of(1.0, 2L, 0.75, 1L, 0.25, 1L));
        List<String> answers = new ArrayList<>();
        results().forEachAnswers(contest, answers::add);
        assertThat(answers).containsExactlyInAnyOrder("A|B", "C", "");
    }
}
