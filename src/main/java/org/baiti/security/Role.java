package org.baiti.security;

/** What an account may do (the full matrix is in docs/security.md). */
public enum Role {
    ADMIN, ORGANIZER, COORDINATOR, JUDGE, AUDITOR
}
