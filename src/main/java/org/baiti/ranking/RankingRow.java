package org.baiti.ranking;

/** One line of the public ranking: no phone number, the unit by its name (docs/api.md). */
public record RankingRow(long rank, String name, String unit, double accuracy, long durationMs) {
}
