package org.baiti.ranking;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sorting by {@link RankingOrder} is a total order that agrees with SPEC §4 read literally, on values drawn from
 * small ranges so that every tie-break gets used.
 */
class RankingOrderProperties {

    @Provide
    Arbitrary<RankingOrder.Key> keys() {
        Arbitrary<Double> accuracy = Arbitraries.integers().between(0, 4).map(i -> i / 4.0);
        Arbitrary<Long> duration = Arbitraries.longs().between(1_000, 1_003);
        Arbitrary<Long> submitted = Arbitraries.longs().between(0, 2);
        Arbitrary<String> phone = Arbitraries.integers().between(0, 30).map(i -> String.format("138%08d", i));
        return Combinators.combine(accuracy, duration, submitted, phone).as(RankingOrder.Key::new);
    }

    /** SPEC §4 spelled out: does a come before b? */
    private static boolean specBefore(RankingOrder.Key a, RankingOrder.Key b) {
        if (a.accuracy() != b.accuracy()) {
            return a.accuracy() > b.accuracy();
        }
        if (a.durationMs() != b.durationMs()) {
            return a.durationMs() < b.durationMs();
        }
        if (a.submittedAtMs() != b.submittedAtMs()) {
            return a.submittedAtMs() < b.submittedAtMs();
        }
        return a.participant().compareTo(b.participant()) < 0;
    }

    @Property
    void theComparatorAgreesWithTheSpecAndIsAntisymmetric(@ForAll("keys") RankingOrder.Key a, @ForAll("keys") RankingOrder.Key b) {
        int ab = RankingOrder.INSTANCE.compare(a, b);
        int ba = RankingOrder.INSTANCE.compare(b, a);
        assertThat(Integer.signum(ab)).isEqualTo(-Integer.signum(ba));
        assertThat(ab < 0).isEqualTo(specBefore(a, b));
        assertThat(ab == 0).isEqualTo(a.equals(b));
    }

    @Property
    void theComparatorIsTransitive(@ForAll("keys") RankingOrder.Key a, @ForAll("keys") RankingOrder.Key b,
                                   @ForAll("keys") RankingOrder.Key c) {
        if (RankingOrder.INSTANCE.compare(a, b) <= 0 && RankingOrder.INSTANCE.compare(b, c) <= 0) {
            assertThat(RankingOrder.INSTANCE.compare(a, c)).isLessThanOrEqualTo(0);
        }
    }

    /** Entries of one ranking: distinct participants (one counted attempt each). */
    @Provide
    Arbitrary<List<RankingOrder.Key>> rankings() {
        return keys().list().ofMinSize(1).ofMaxSize(30).uniqueElements(RankingOrder.Key::participant);
    }

    @Property
    void distinctParticipantsSortToOneOrderWhateverTheInputOrder(@ForAll("rankings") List<RankingOrder.Key> entries,
                                                                @ForAll Random random) {
        List<RankingOrder.Key> once = new ArrayList<>(entries);
        once.sort(RankingOrder.INSTANCE);
        List<RankingOrder.Key> shuffled = new ArrayList<>(entries);
        Collections.shuffle(shuffled, random);
        shuffled.sort(RankingOrder.INSTANCE);
        assertThat(shuffled).isEqualTo(once);
        for (int i = 0; i + 1 < once.size(); i++) {
            assertThat(specBefore(once.get(i), once.get(i + 1))).as("strictly ordered at %d", i).isTrue();
        }
    }
}
