package org.baiti.security;

import java.util.Arrays;
import java.util.Optional;

import org.baiti.refusal.Refusal;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The signed-in staff account as the features see it: its role, and for a coordinator the contest and unit it
 * looks after. Checks that depend on data (a coordinator's unit subtree) start here.
 */
public record Staff(String username, Role role, Long unitContest, String unitCode) {

    /** The account of the current request; empty for calls no account made (command line, start-up). */
    public static Optional<Staff> current() {
        Authentication a = SecurityContextHolder.getContext().getAuthentication();
        if (a != null && a.isAuthenticated() && a.getPrincipal() instanceof StaffUser u) {
            return Optional.of(u.staff());
        }
        return Optional.empty();
    }

    public boolean is(Role... roles) {
        return Arrays.asList(roles).contains(role);
    }

    public boolean admin() {
        return role == Role.ADMIN;
    }

    /** Administrators and organizers run contests. */
    public boolean manages() {
        return is(Role.ADMIN, Role.ORGANIZER);
    }

    /** Coordinators see and import only for their own unit and the units below it. */
    public boolean limitedToUnit() {
        return role == Role.COORDINATOR;
    }

    /** Whether the account may see this contest at all (a coordinator only the contest of its unit). */
    public boolean seesContest(long contestId) {
        return !limitedToUnit() || (unitContest != null && unitContest == contestId);
    }

    /** Refuses with 403 a contest this account may not see. */
    public void requireContest(long contestId) {
        if (!seesContest(contestId)) {
            throw forbiddenUnit();
        }
    }

    /** The 403 for data of a unit outside a coordinator's subtree. */
    public static Refusal forbiddenUnit() {
        return Refusal.forbidden("forbidden", "refusal.notYourUnit");
    }

    /** Refuses with 403 unless there is no account (trusted call) or the account has one of the roles. */
    public static void require(Role... roles) {
        current().ifPresent(s -> {
            if (!s.is(roles)) {
                throw Refusal.forbidden("forbidden", "refusal.role");
            }
        });
    }
}
