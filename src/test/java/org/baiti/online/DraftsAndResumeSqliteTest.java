package org.baiti.online;

import org.baiti.testing.SqliteApp;
import org.baiti.testing.TestClock;
import org.springframework.context.annotation.Import;

/** {@link DraftsAndResumeContract} on SQLite. */
@Import(TestClock.Config.class)
class DraftsAndResumeSqliteTest extends SqliteApp implements DraftsAndResumeContract {
}
