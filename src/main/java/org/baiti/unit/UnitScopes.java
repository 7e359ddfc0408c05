package org.baiti.unit;

import org.baiti.security.Staff;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which units the signed-in account may see and import for in a contest: a coordinator its own unit and the units
 * below it (403 for another contest), everyone else all units. Calls without an account (command line) see all.
 */
@Service
public class UnitScopes {

    private final Units units;

    UnitScopes(Units units) {
        this.units = units;
    }

    public UnitScope current(long contestId) {
        Staff staff = Staff.current().orElse(null);
        if (staff == null || !staff.limitedToUnit()) {
            return UnitScope.all();
        }
        staff.requireContest(contestId);
        return UnitScope.of(UnitTree.subtree(units.all(contestId), staff.unitCode()));
    }
}
