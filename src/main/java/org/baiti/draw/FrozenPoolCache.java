package org.baiti.draw;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.stereotype.Component;

/**
 * The last few opened {@link FrozenPool}s by draw id, so "find my ticket" and the published record do not load and
 * check a million-entry pool per request. Only derived data, so nothing is ever made old: a pool row never changes once
 * written, every node fills its own cache from the database, and the reveal always re-reads and re-checks the stored
 * pool before it trusts it. Values are soft references: memory pressure empties it.
 */
@Component
class FrozenPoolCache {

    static final int DRAWS = 2;

    private final Cache<Long, FrozenPool> pools = Caffeine.newBuilder().maximumSize(DRAWS).softValues().build();

    FrozenPool get(long drawId) {
        return pools.getIfPresent(drawId);
    }

    void put(long drawId, FrozenPool pool) {
        pools.put(drawId, pool);
    }
}
