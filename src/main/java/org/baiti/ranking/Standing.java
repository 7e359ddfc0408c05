package org.baiti.ranking;

/** A person's counted entry and the rank it has now: 1 + the entries strictly before it (SPEC §4). */
public record Standing(RankingEntry entry, long rank) {
}
