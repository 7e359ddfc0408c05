package org.baiti.draw;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Stored draws and their frozen pools. Append-only: pools are never changed, a draw is sealed at most once. */
interface Draws {

    /** The pool of a committed draw as stored in {@code draw_pool}: its blob in its stored form. */
    record StoredPool(String compression, byte[] display) {

        /** Whether both hold the same bytes. */
        boolean sameBytes(StoredPool other) {
            return compression.equals(other.compression) && Arrays.equals(display, other.display);
        }
    }

    /** One entry a pool is made of: its key, masked name and unit name. */
    record Candidate(String key, String name, String unit) {
    }

    /** Stores a committed draw and its frozen pool (one {@code draw_pool} row, the blob in its stored form). */
    void insert(DrawRecord draw, StoredPool pool);

    /** The frozen pool of a draw. */
    Optional<StoredPool> pool(long drawId);

    /** The winners in draw order with masked name and unit, as written by the seal; empty before it. */
    List<DrawRecord.Entry> winnerEntries(long drawId);

    Optional<DrawRecord> find(long id);

    /** Every draw of the contest, in commit order. */
    List<DrawRecord> forContest(long contestId);

    /**
     * Seals a committed draw with its winners in draw order: {@code UPDATE ... WHERE id = ? AND status = 'COMMITTED'}.
     *
     * @return false when the draw was already sealed (nothing changed)
     */
    boolean seal(long id, List<String> seed, String seedDigest, List<DrawRecord.Entry> winners, Instant at, String by);
}
