package org.baiti.privacy;

import java.time.Instant;
import java.util.Optional;

/** Stored privacy settings, one row per contest that changed the defaults or was purged. */
interface ContestPrivacies {

    Optional<PrivacySettings> find(long contestId);

    void save(PrivacySettings s);

    void markPurged(long contestId, Instant at);
}
