package org.baiti.draw;

import java.time.Instant;
import java.util.List;

/**
 * A draw as stored: its commitment (pool digest, n, k, seed sources, tiers) and, once sealed, its reveal (seed, D,
 * winners in draw order). The pool itself is frozen in draw_pool ({@link FrozenPool}); {@link Entry} is one entry of it.
 */
public record DrawRecord(long id, long contestId, String name, int k, String poolKind, String seedSources,
                         List<Tier> tiers, String poolDigest, int n, Status status, Instant committedAt,
                         String committedBy, List<String> seed, String seedDigest, List<String> winners,
                         Instant revealedAt, String revealedBy) {

    /** The only pool kind so far: the contest's offline results with a perfect score, keyed by ticket. */
    public static final String OFFLINE_PERFECT = "offline-perfect";

    /** Copies the lists; tiers, seed and winners may be null (no tiers, not revealed yet). */
    public DrawRecord {
        tiers = tiers == null ? null : List.copyOf(tiers);
        seed = seed == null ? null : List.copyOf(seed);
        winners = winners == null ? null : List.copyOf(winners);
    }

    /** A draw moves from COMMITTED to SEALED once and never back. */
    public enum Status {
        /** The pool is frozen and its digest published; the seed is not known yet. */
        COMMITTED,
        /** The seed was entered and the winners computed; the draw can never run again. */
        SEALED
    }

    /** A prize tier: the next {@code count} winners in draw order get this prize. */
    public record Tier(String name, int count) {
    }

    /** One entry of the frozen pool: its position in the sorted pool, key, masked name and unit name. */
    public record Entry(int pos, String key, String name, String unit) {
    }

    /** A winner: place in the draw order (1-based), the entry, and the tier it falls in (null without tiers). */
    public record Winner(int place, String key, String name, String unit, String tier) {
    }

    public boolean sealed() {
        return status == Status.SEALED;
    }

    /** The tier of the winner at 0-based draw position {@code i}, or null when the draw has no tiers. */
    public String tierOf(int i) {
        if (tiers == null) {
            return null;
        }
        int end = 0;
        for (Tier t : tiers) {
            end += t.count();
            if (i < end) {
                return t.name();
            }
        }
        return null;
    }
}
