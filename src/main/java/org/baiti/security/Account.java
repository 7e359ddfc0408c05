package org.baiti.security;

import java.time.Instant;

/**
 * A staff account; participants have none. A coordinator's account names the contest and the unit it looks after
 * ({@code unitContest}, {@code unitCode}); the other roles leave both empty.
 */
record Account(String username, String passwordHash, Role role, String displayName, boolean enabled,
                      Instant createdAt, Long unitContest, String unitCode) {

    public Account(String username, String passwordHash, Role role, String displayName, boolean enabled,
                   Instant createdAt) {
        this(username, passwordHash, role, displayName, enabled, createdAt, null, null);
    }
}
