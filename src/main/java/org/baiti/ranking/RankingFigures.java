package org.baiti.ranking;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The ranking in figures, for statistics, exports and awards: counts and aggregates computed in SQL beside
 * {@code ranking_entry}, with unit codes (the names are {@code unit}'s to give).
 */
public interface RankingFigures {

    /** A counted online attempt as the awards list needs it. */
    record Ranked(String name, String phone, String unitCode, String topCode, double accuracy, long durationMs) {
    }

    /** Counted online attempts (one per person). */
    long count(long contestId);

    /** Counted online attempts with every answer right. */
    long perfect(long contestId);

    /** Counted online attempts per top-level unit code; units without any are absent. */
    Map<String, Long> countsByTopUnit(long contestId);

    /** Counted online attempts per unit code (the unit itself, not the units below); {@code unitCodes} null: all. */
    Map<String, Long> countsByUnit(long contestId, Collection<String> unitCodes);

    /** Counted online attempts per accuracy. */
    Map<Double, Long> countsByAccuracy(long contestId);

    /** The first {@code n} counted attempts in SPEC §4 order ({@link RankingOrder}). */
    List<Ranked> first(long contestId, int n);

    /**
     * The counted attempts as a relation for a statement that must combine them with another feature's rows in the
     * database (people across both channels): a derived table with the columns {@code contest_id, phone, name,
     * unit_code, top_code, accuracy, duration_ms, attempt_id}; the table behind it stays ranking's.
     */
    static String relation() {
        return "(SELECT contest_id, phone, name, unit_code, top_code, accuracy, duration_ms, attempt_id"
                + " FROM ranking_entry)";
    }
}
