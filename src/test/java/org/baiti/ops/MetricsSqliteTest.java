package org.baiti.ops;

import org.baiti.testing.SqliteApp;
import org.baiti.testing.TestClock;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;

@Import(TestClock.Config.class)
@DirtiesContext // the clock moved by more than an hour: no other test class runs on this application
class MetricsSqliteTest extends SqliteApp implements MetricsContract {
}
