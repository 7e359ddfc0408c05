package org.baiti.security;

import org.baiti.testing.PostgresApp;
import org.baiti.testing.TestClock;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

@Import(TestClock.Config.class)
@TestPropertySource(properties = "baiti.login-throttle.max-failures-per-address=8")
@DirtiesContext
class LoginProtectionPostgresTest extends PostgresApp implements LoginProtectionContract {
}
