package org.baiti.draw;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** Stored draws and their frozen pools. Append-only: entries are never changed, a draw is sealed at most once. */
interface Draws {

    /** A candidate of a pool as read from the contest's results: key, full name (masked later) and unit name. */
    record Candidate(String key, String name, String unit) {
    }

    /** The contest's offline results with a perfect score (pool kind {@code offline-perfect}). */
    List<Candidate> offlinePerfect(long contestId);

    /** How many entries {@link #offlinePerfect} would return now. */
    int countOfflinePerfect(long contestId);

    /** Stores a committed draw and its pool, entries in sorted order ({@code pos} 0..n-1), in batches. */
    void insert(DrawRecord draw, List<DrawRecord.Entry> entries);

    Optional<DrawRecord> find(long id);

    /** Every draw of the contest, in commit order. */
    List<DrawRecord> forContest(long contestId);

    /** The keys of the frozen pool in sorted order. */
    List<String> poolKeys(long drawId);

    /** Streams the frozen pool in sorted order, without holding it in memory. */
    void forEachEntry(long drawId, Consumer<DrawRecord.Entry> action);

    Optional<DrawRecord.Entry> entry(long drawId, String key);

    /** The pool entries with the given keys, by key. */
    Map<String, DrawRecord.Entry> entries(long drawId, Collection<String> keys);

    /**
     * Seals a committed draw: {@code UPDATE ... WHERE id = ? AND status = 'COMMITTED'}.
     *
     * @return false when the draw was already sealed (nothing changed)
     */
    boolean seal(long id, List<String> seed, String seedDigest, List<String> winners, Instant at, String by);
}
