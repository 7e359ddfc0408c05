package org.baiti.unit;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Stored unit trees, one per contest. */
public interface Units {

    List<Unit> all(long contestId);

    Optional<Unit> find(long contestId, String code);

    /**
     * The names of the contest's units with these codes, by code; a code without a unit is left out. One statement
     * per 500 codes, by the primary key: for a page of rows, instead of all of a contest's units.
     */
    Map<String, String> names(long contestId, Collection<String> codes);

    /** The names of all the contest's units, by code (from {@link #all}). */
    default Map<String, String> names(long contestId) {
        Map<String, String> out = new HashMap<>();
        all(contestId).forEach(u -> out.put(u.code(), u.name()));
        return out;
    }

    /** Units whose name is exactly this text (to accept a unit name where a code is expected). */
    List<Unit> byName(long contestId, String name);

    /** Matches code or name, for the participant's unit picker. */
    List<Unit> search(long contestId, String text, int limit);

    /** Inserts new units and updates changed ones, in one batch. */
    void upsert(List<Unit> added, List<Unit> changed);

    /** Sets the judges' attention mark (0..100) of a top-level unit; false if there is no such unit. */
    boolean setAttention(long contestId, String code, int score);
}
