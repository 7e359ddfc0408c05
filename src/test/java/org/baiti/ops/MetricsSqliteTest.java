package org.baiti.ops;

import org.baiti.testing.SqliteApp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

@Import(ShiftedClock.Config.class)
class MetricsSqliteTest extends SqliteApp implements MetricsContract {

    @Autowired
    ShiftedClock clock;

    @Override
    public ShiftedClock clock() {
        return clock;
    }
}
