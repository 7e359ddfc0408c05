package org.baiti.online;

import org.baiti.testing.SqliteApp;
import org.baiti.testing.TestClock;
import org.springframework.context.annotation.Import;

@Import(TestClock.Config.class)
class OnlineSqliteTest extends SqliteApp implements OnlineContract {
}
