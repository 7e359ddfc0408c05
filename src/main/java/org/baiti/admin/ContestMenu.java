package org.baiti.admin;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.baiti.contest.Contest;
import org.baiti.contest.ContestState;
import org.baiti.security.Role;
import org.baiti.security.Staff;
import org.springframework.stereotype.Component;

/**
 * The one menu of a contest's staff pages (templates/admin/nav.html reads it as {@code @contestMenu}): every page of
 * a contest, the ones the signed-in role may open, in one order; and the contest's state. The roles mirror the request
 * rules of security/SecurityConfiguration, so the menu never offers a page that answers 403.
 */
@Component("contestMenu")
public class ContestMenu {

    /** A page of the menu: its key (also the message key {@code admin.menu.KEY}) and its address. */
    public record Item(String key, String href) {
    }

    private static final Role[] ALL = Role.values();
    private static final Role[] READ_ALL = {Role.ADMIN, Role.ORGANIZER, Role.AUDITOR};
    private static final Role[] MANAGE = {Role.ADMIN, Role.ORGANIZER};

    private final Clock clock;

    ContestMenu(Clock clock) {
        this.clock = clock;
    }

    /** The contest's state now. */
    public ContestState state(Contest c) {
        return ContestState.of(c, Instant.now(clock));
    }

    /** The menu for this contest and account (null account: everything, as for a trusted call). */
    public List<Item> items(Contest c, Staff staff) {
        String base = "/admin/contests/" + c.id();
        List<Item> out = new ArrayList<>();
        add(out, staff, "overview", base, ALL);
        add(out, staff, "settings", base + "/edit", MANAGE);
        add(out, staff, "bank", base + "/bank", READ_ALL);
        add(out, staff, "units", base + "/units", ALL);
        add(out, staff, "offline", base + "/offline", Role.ADMIN, Role.ORGANIZER, Role.AUDITOR, Role.COORDINATOR);
        add(out, staff, "draws", base + "/draws", READ_ALL);
        add(out, staff, "attention", base + "/attention", Role.ADMIN, Role.ORGANIZER, Role.JUDGE, Role.AUDITOR);
        add(out, staff, "awards", base + "/awards", READ_ALL);
        add(out, staff, "dashboard", base + "/dashboard", Role.ADMIN, Role.ORGANIZER, Role.AUDITOR, Role.COORDINATOR);
        add(out, staff, "participants", base + "/participants", Role.ADMIN, Role.ORGANIZER, Role.AUDITOR, Role.COORDINATOR);
        add(out, staff, "review", base + "/review", READ_ALL);
        add(out, staff, "print", base + "/print/winners", READ_ALL);
        add(out, staff, "certificates", base + "/certificates", READ_ALL);
        // The participant-link QR code and poster (issue 17, built on another branch).
        add(out, staff, "share", base + "/share", READ_ALL);
        return out;
    }

    private static void add(List<Item> out, Staff staff, String key, String href, Role... roles) {
        if (staff == null || staff.is(roles)) {
            out.add(new Item(key, href));
        }
    }
}
