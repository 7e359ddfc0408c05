package org.baiti.ranking;

import java.util.List;
import java.util.Optional;

/** Stored ranking entries, one per person and contest, and the counts kept beside them for ranks (V50). */
interface RankingEntries {

    Optional<RankingEntry> find(long contestId, String phone);

    /** Inserts the entry unless the person already has one; true when inserted. */
    boolean insertIfAbsent(RankingEntry entry);

    /** {@link #insertIfAbsent} for many entries in one batch, in order; one answer per entry. */
    List<Boolean> insertAllIfAbsent(List<RankingEntry> entries);

    /** Replaces the person's entry if it is still {@code previous}; true when replaced. */
    boolean replace(RankingEntry entry, RankingEntry previous);

    /** Entries that rank strictly before this one (SPEC §4), from the counts and a short range of the index. */
    long countBefore(RankingEntry entry);

    /** The person's entry and its rank ({@link #countBefore} + 1), read in one statement; empty when not ranked. */
    Optional<Standing> standing(long contestId, String phone);

    /** A line of a page as stored: the unit by its code ({@link Ranking#page} puts the unit's name in). */
    record Line(long rank, String name, String unitCode, double accuracy, long durationMs) {
    }

    /** A page of the ranking in SPEC §4 order, units by code; ranks start at {@code offset + 1}. */
    List<Line> page(long contestId, int offset, int limit);

    long count(long contestId);
}
