package org.baiti.unit;

import org.baiti.security.UnitDirectory;
import org.springframework.stereotype.Component;

/** Answers account management's question whether a coordinator's unit exists. */
@Component
class UnitDirectoryOfContests implements UnitDirectory {

    private final Units units;

    UnitDirectoryOfContests(Units units) {
        this.units = units;
    }

    @Override
    public boolean exists(long contestId, String unitCode) {
        return units.find(contestId, unitCode).isPresent();
    }
}
