package org.baiti.ranking;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.baiti.testing.Rows;
import org.baiti.testing.Slice;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The ranking's figures for statistics and awards (JdbcRankingFigures), against the entries they count. */
interface RankingFiguresContract extends Slice {

    private RankingFigures figures() {
        return bean(RankingFigures.class);
    }

    /** Entries of one contest: accuracies in sixths, a few perfect, in units T1, T1-1 and T2. */
    private List<RankingEntry> enter(long contest, int n, long seed) {
        Random random = new Random(seed);
        List<RankingEntry> entries = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String top = random.nextBoolean() ? "T1" : "T2";
            String unit = top.equals("T1") && random.nextBoolean() ? "T1-1" : top;
            RankingEntry e = new RankingEntry(contest, "139" + String.format("%08d", i), "a" + contest + "-" + i,
                    "name" + i, unit, top, random.nextInt(7) / 6.0, 1000L * random.nextInt(5),
                    Instant.ofEpochMilli(random.nextInt(3)));
            assertThat(bean(RankingEntries.class).insertIfAbsent(e)).isTrue();
            entries.add(e);
        }
        return entries;
    }

    @Test
    default void countsAreThoseOfTheContestsEntries() {
        long contest = Rows.contest(jdbc());
        long other = Rows.contest(jdbc());
        List<RankingEntry> entries = enter(contest, 60, 1);
        enter(other, 7, 2);

        assertThat(figures().count(contest)).isEqualTo(60);
        assertThat(figures().perfect(contest)).isEqualTo(entries.stream().filter(e -> e.accuracy() >= 1).count())
                .isPositive();
        assertThat(figures().countsByTopUnit(contest)).isEqualTo(Map.of(
                "T1", entries.stream().filter(e -> e.topCode().equals("T1")).count(),
                "T2", entries.stream().filter(e -> e.topCode().equals("T2")).count()));
        Map<String, Long> byUnit = Map.of(
                "T1", entries.stream().filter(e -> e.unitCode().equals("T1")).count(),
                "T1-1", entries.stream().filter(e -> e.unitCode().equals("T1-1")).count(),
                "T2", entries.stream().filter(e -> e.unitCode().equals("T2")).count());
        assertThat(figures().countsByUnit(contest, null)).isEqualTo(byUnit);
        assertThat(figures().countsByUnit(contest, List.of("T1-1", "T9"))).isEqualTo(Map.of("T1-1", byUnit.get("T1-1")));
        assertThat(figures().countsByUnit(contest, List.of())).isEmpty();
        Map<Double, Long> byAccuracy = new java.util.HashMap<>();
        entries.forEach(e -> byAccuracy.merge(e.accuracy(), 1L, Long::sum));
        assertThat(figures().countsByAccuracy(contest)).isEqualTo(byAccuracy);
        assertThat(figures().count(-1)).isZero();
    }

    /** The figures come from the counts every entry keeps: a better attempt replacing an entry moves it, leaves no 0. */
    @Test
    default void aReplacedEntryMovesInTheCounts() {
        long contest = Rows.contest(jdbc());
        RankingEntry half = new RankingEntry(contest, "13900000001", "a" + contest + "-x", "甲", "T1", "T1", 0.5, 9000L,
                Instant.ofEpochMilli(1));
        RankingEntry other = new RankingEntry(contest, "13900000002", "a" + contest + "-y", "乙", "T2", "T2", 1.0, 8000L,
                Instant.ofEpochMilli(2));
        assertThat(bean(RankingEntries.class).insertIfAbsent(half)).isTrue();
        assertThat(bean(RankingEntries.class).insertIfAbsent(other)).isTrue();
        assertThat(figures().countsByAccuracy(contest)).isEqualTo(Map.of(0.5, 1L, 1.0, 1L));
        assertThat(figures().perfect(contest)).isEqualTo(1);

        RankingEntry better = new RankingEntry(contest, half.phone(), "a" + contest + "-z", "甲", "T1", "T1", 1.0, 7000L,
                Instant.ofEpochMilli(3));
        assertThat(bean(RankingEntries.class).replace(better, half)).isTrue();
        assertThat(figures().countsByAccuracy(contest)).isEqualTo(Map.of(1.0, 2L));
        assertThat(figures().perfect(contest)).isEqualTo(2);
        assertThat(figures().count(contest)).isEqualTo(2);
    }

    @Test
    default void theFirstAreTheFirstInRankingOrder() {
        long contest = Rows.contest(jdbc());
        List<RankingEntry> entries = new ArrayList<>(enter(contest, 40, 3));
        enter(Rows.contest(jdbc()), 5, 4);
        entries.sort(Comparator.comparing(RankingEntry::key, RankingOrder.INSTANCE));

        List<RankingFigures.Ranked> first = figures().first(contest, 12);
        assertThat(first).hasSize(12);
        for (int i = 0; i < 12; i++) {
            RankingEntry e = entries.get(i);
            assertThat(first.get(i)).as("place %d", i + 1).isEqualTo(new RankingFigures.Ranked(e.name(), e.phone(),
                    e.unitCode(), e.topCode(), e.accuracy(), e.durationMs()));
        }
        assertThat(figures().first(contest, 100)).hasSize(40);
        assertThat(figures().first(contest, 0)).isEmpty();
    }
}
