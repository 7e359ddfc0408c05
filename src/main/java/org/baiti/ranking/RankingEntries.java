package org.baiti.ranking;

import java.util.List;
import java.util.Optional;

/** Stored ranking entries, one per person and contest. */
interface RankingEntries {

    Optional<RankingEntry> find(long contestId, String phone);

    /** Inserts the entry unless the person already has one; true when inserted. */
    boolean insertIfAbsent(RankingEntry entry);

    /** Replaces the person's entry if it still holds {@code previousAttemptId}; true when replaced. */
    boolean replace(RankingEntry entry, String previousAttemptId);

    /** Entries that rank strictly before this one (SPEC §4), counted on the ranking index. */
    long countBefore(RankingEntry entry);

    /** A page of the ranking in SPEC §4 order, with unit names; ranks start at {@code offset + 1}. */
    List<RankingRow> page(long contestId, int offset, int limit);

    long count(long contestId);
}
