package org.baiti.audit;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/** The stored audit trail: append-only, in seq order. */
interface AuditEntries {

    /** Makes this transaction the only one appending until it ends (PostgreSQL; SQLite writers are serialized already). */
    void lockForAppend();

    Optional<AuditChain.Entry> last();

    void insert(AuditChain.Entry entry);

    /** Newest first; {@code contestId} null for all. */
    List<AuditChain.Entry> page(Long contestId, String action, int offset, int limit);

    long count(Long contestId, String action);

    /** Feeds every entry in seq order to the consumer until it answers false. */
    void walk(Predicate<AuditChain.Entry> consumer);
}
