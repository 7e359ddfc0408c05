package org.baiti.online;

import org.baiti.testing.PostgresApp;
import org.baiti.testing.TestClock;
import org.springframework.context.annotation.Import;

/** {@link DraftsAndResumeContract} on PostgreSQL. */
@Import(TestClock.Config.class)
class DraftsAndResumePostgresTest extends PostgresApp implements DraftsAndResumeContract {
}
