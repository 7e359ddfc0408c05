package org.baiti.security;

import java.time.Instant;

/** A staff account; participants have none. */
public record Account(String username, String passwordHash, Role role, String displayName, boolean enabled,
                      Instant createdAt) {
}
