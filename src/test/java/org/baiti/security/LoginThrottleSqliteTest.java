package org.baiti.security;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.baiti.ops.ContestMetrics;
import org.baiti.testing.SqliteSlice;
import org.springframework.context.annotation.Import;

@Import({LoginThrottle.class, ContestMetrics.class, SimpleMeterRegistry.class})
class LoginThrottleSqliteTest extends SqliteSlice implements LoginThrottleContract {
}
