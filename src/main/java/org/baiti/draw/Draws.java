package org.baiti.draw;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** Stored draws and their frozen pools. Append-only: entries are never changed, a draw is sealed at most once. */
interface Draws {

    /** The pool of a committed draw as stored in {@code draw_pool}: both blobs in their stored form. */
    record StoredPool(String compression, byte[] keys, byte[] display) {
    }

    /**
     * The contest's offline results with a perfect score (pool kind {@code offline-perfect}): key, masked name and
     * unit name of each, column by column.
     */
    PoolCandidates offlinePerfect(long contestId);

    /** How many entries {@link #offlinePerfect} would return now. */
    int countOfflinePerfect(long contestId);

    /** Stores a committed draw and its frozen pool (one {@code draw_pool} row, blobs in their stored form). */
    void insert(DrawRecord draw, StoredPool pool);

    /** The frozen pool of a draw; empty for a draw committed before {@code draw_pool} existed (see draw_entry). */
    Optional<StoredPool> pool(long drawId);

    /** The winners with masked name and unit as written by the seal (JSON), empty when not written. */
    Optional<String> winnerEntries(long drawId);

    Optional<DrawRecord> find(long id);

    /** Every draw of the contest, in commit order. */
    List<DrawRecord> forContest(long contestId);

    // The draw_entry form of draws committed before V51: read only.

    /** The keys of the frozen pool in sorted order. */
    List<String> poolKeys(long drawId);

    /** Streams the frozen pool in sorted order, without holding it in memory. */
    void forEachEntry(long drawId, Consumer<DrawRecord.Entry> action);

    Optional<DrawRecord.Entry> entry(long drawId, String key);

    /** The pool entries with the given keys, by key. */
    Map<String, DrawRecord.Entry> entries(long drawId, Collection<String> keys);

    /**
     * Seals a committed draw: {@code UPDATE ... WHERE id = ? AND status = 'COMMITTED'}; {@code winnerEntries} is the
     * JSON of the winners with masked name and unit (null for a draw of the old draw_entry form).
     *
     * @return false when the draw was already sealed (nothing changed)
     */
    boolean seal(long id, List<String> seed, String seedDigest, List<String> winners, String winnerEntries, Instant at,
                 String by);
}
