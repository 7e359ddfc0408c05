package org.baiti.security;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.baiti.ops.ContestMetrics;
import org.baiti.testing.PostgresSlice;
import org.springframework.context.annotation.Import;

@Import({LoginThrottle.class, ContestMetrics.class, SimpleMeterRegistry.class})
class LoginThrottlePostgresTest extends PostgresSlice implements LoginThrottleContract {
}
