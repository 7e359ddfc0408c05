package org.baiti.draw;

import java.lang.ref.SoftReference;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * The last few opened {@link FrozenPool}s by draw id, so "find my ticket" and the published record do not load and
 * check a million-entry pool per request. Only derived data: a pool row never changes once written, every node fills
 * its own cache from the database, and the reveal always re-reads and re-checks the stored pool before it trusts it.
 * Softly referenced, so memory pressure empties it.
 */
@Component
class FrozenPoolCache {

    static final int DRAWS = 2;

    private final Map<Long, SoftReference<FrozenPool>> pools = new LinkedHashMap<>(4, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, SoftReference<FrozenPool>> eldest) {
            return size() > DRAWS;
        }
    };

    synchronized FrozenPool get(long drawId) {
        SoftReference<FrozenPool> ref = pools.get(drawId);
        FrozenPool pool = ref == null ? null : ref.get();
        if (ref != null && pool == null) {
            pools.remove(drawId);
        }
        return pool;
    }

    synchronized void put(long drawId, FrozenPool pool) {
        pools.put(drawId, new SoftReference<>(pool));
    }
}
