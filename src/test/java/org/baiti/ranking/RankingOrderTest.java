package org.baiti.ranking;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** SPEC §4 step by step: accuracy, then server time, then submission time, then participant key. */
class RankingOrderTest {

    private static RankingOrder.Key key(double accuracy, long durationMs, long submittedAt, String phone) {
        return new RankingOrder.Key(accuracy, durationMs, submittedAt, phone);
    }

    private static List<String> sorted(RankingOrder.Key... keys) {
        List<RankingOrder.Key> list = new ArrayList<>(List.of(keys));
        list.sort(RankingOrder.INSTANCE);
        return list.stream().map(RankingOrder.Key::participant).toList();
    }

    @Test
    void higherAccuracyRanksFirstWhateverTheTime() {
        assertThat(sorted(key(0.9, 1_000, 1, "13800000001"), key(1.0, 900_000, 2, "13800000002")))
                .containsExactly("13800000002", "13800000001");
    }

    @Test
    void equalAccuracyRanksByServerMeasuredTime() {
        assertThat(sorted(key(0.95, 60_001, 1, "13800000001"), key(0.95, 60_000, 2, "13800000002")))
                .containsExactly("13800000002", "13800000001");
    }

    @Test
    void equalAccuracyAndTimeRankByEarlierSubmission() {
        assertThat(sorted(key(1.0, 60_000, 1_700_000_000_002L, "13800000001"), key(1.0, 60_000, 1_700_000_000_001L, "13800000002")))
                .containsExactly("13800000002", "13800000001");
    }

    @Test
    void aCompleteTieRanksByParticipantKey() {
        assertThat(sorted(key(1.0, 60_000, 5, "13900000000"), key(1.0, 60_000, 5, "13800000000")))
                .containsExactly("13800000000", "13900000000");
    }

    @Test
    void onlyTheSameParticipantWithTheSameFiguresComparesEqual() {
        assertThat(RankingOrder.INSTANCE.compare(key(0.5, 1, 2, "a"), key(0.5, 1, 2, "a"))).isZero();
        assertThat(RankingOrder.INSTANCE.compare(key(0.0, 1, 2, "a"), key(-0.0, 1, 2, "a"))).isZero();
        assertThat(RankingOrder.better(key(0.5, 1, 2, "a"), key(0.5, 2, 1, "a"))).isTrue();
        assertThat(RankingOrder.better(key(0.5, 2, 1, "a"), key(0.5, 1, 2, "a"))).isFalse();
    }
}
