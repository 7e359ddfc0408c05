package org.baiti.draw;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.stereotype.Component;

/**
 * The last few opened {@link FrozenPool}s by draw id, each with the stored blobs it was written to or checked against,
 * so "find my ticket" and the published record do not load and check a million-entry pool per request, and the reveal
 * on the node that committed compares stored bytes instead of inflating and checking them again. Only derived data,
 * so nothing is ever made old: a pool row never changes once written, every node fills its own cache from the
 * database, and the reveal always re-reads the stored pool and opens it again when its bytes are not the ones
 * checked. Values are soft references: memory pressure empties it.
 */
@Component
class FrozenPoolCache {

    static final int DRAWS = 2;

    /** A pool and the stored form it came from. */
    record Opened(Draws.StoredPool stored, FrozenPool pool) {
    }

    private final Cache<Long, Opened> pools = Caffeine.newBuilder().maximumSize(DRAWS).softValues().build();

    Opened get(long drawId) {
        return pools.getIfPresent(drawId);
    }

    void put(long drawId, Draws.StoredPool stored, FrozenPool pool) {
        pools.put(drawId, new Opened(stored, pool));
    }
}
