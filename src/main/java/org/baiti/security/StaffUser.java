package org.baiti.security;

import java.util.List;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

/** The principal of a signed-in account: Spring Security's user plus the role and the coordinator's unit. */
class StaffUser extends User {

    private static final long serialVersionUID = 1L;

    private final Role role;
    private final Long unitContest;
    private final String unitCode;

    StaffUser(Account a) {
        super(a.username(), a.passwordHash(), a.enabled(), true, true, true,
                List.of(new SimpleGrantedAuthority("ROLE_" + a.role().name())));
        this.role = a.role();
        this.unitContest = a.unitContest();
        this.unitCode = a.unitCode();
    }

    Staff staff() {
        return new Staff(getUsername(), role, unitContest, unitCode);
    }

    /** Whether the stored account still grants what this principal was given at login. */
    boolean stillMatches(Account a) {
        return a.enabled() && a.role() == role && java.util.Objects.equals(a.unitContest(), unitContest)
                && java.util.Objects.equals(a.unitCode(), unitCode);
    }

    @Override
    public boolean equals(Object o) {
        return super.equals(o);
    }

    @Override
    public int hashCode() {
        return super.hashCode();
    }
}
