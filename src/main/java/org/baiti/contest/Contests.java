package org.baiti.contest;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Stored contests. */
interface Contests {

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

    /** Whether a start needs an entry on the contest's roster (identity/ParticipantIdentity; false when no contest). */
    boolean rosterRequired(long id);

    void setRosterRequired(long id, boolean required);

    /** Removes the contest's own row (what hangs on it is removed first, by admin/ContestLifecycle). */
    boolean delete(long id);
}
