package org.baiti.contest;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Stored contests. */
public interface Contests {

    void insert(Contest contest);

    Optional<Contest> find(long id);

    List<Contest> all();

    void update(Contest contest);

    /** Sets the freeze instant once; false when the contest was already frozen. */
    boolean freeze(long id, Instant at);

    /**
     * Within a writing transaction: those of {@code ids} that are frozen, read from the database with a share lock on
     * their rows (PostgreSQL {@code FOR SHARE}; SQLite has one writer at a time) held until the transaction ends.
     */
    Set<Long> frozenForWrite(Collection<Long> ids);

    /** Removes the contest's own row (what hangs on it is removed first, by admin/ContestLifecycle). */
    boolean delete(long id);
}
