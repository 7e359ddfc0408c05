package org.baiti.online;

import org.baiti.testing.PostgresApp;
import org.baiti.testing.TestClock;
import org.springframework.context.annotation.Import;

@Import(TestClock.Config.class)
class OnlinePostgresTest extends PostgresApp implements OnlineContract {
}
