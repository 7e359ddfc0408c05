package org.baiti.anticheat;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;

/**
 * What the review list shows of the attempts it lists; the online channel, which stores the attempts, implements it.
 * Declared here because the online channel already uses this package ({@link Signals#recordAll}): a dependency the
 * other way would be a cycle (docs/modules.md).
 */
public interface SignalledAttempts {

    /** An attempt as the review list shows it; the phone as stored (the list masks it). */
    record Summary(String id, String name, String phone, String unitCode, String clientIp, int attemptNo,
                   Instant issuedAt, Instant submittedAt, Long durationMs, Double accuracy) {
    }

    /** The attempts with these ids, by id, in a few statements (at most 500 ids each); an unknown id is left out. */
    Map<String, Summary> find(Collection<String> ids);
}
