package org.baiti.ops;

import org.baiti.testing.PostgresApp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

@Import(ShiftedClock.Config.class)
class MetricsPostgresTest extends PostgresApp implements MetricsContract {

    @Autowired
    ShiftedClock clock;

    @Override
    public ShiftedClock clock() {
        return clock;
    }
}
