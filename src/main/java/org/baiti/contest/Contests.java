package org.baiti.contest;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Stored contests. */
public interface Contests {

    void insert(Contest contest);

    Optional<Contest> find(long id);

    List<Contest> all();

    void update(Contest contest);

    /** Sets the freeze instant once; false when the contest was already frozen. */
    boolean freeze(long id, Instant at);

    /** Removes the contest's own row (what hangs on it is removed first, by admin/ContestLifecycle). */
    boolean delete(long id);
}
