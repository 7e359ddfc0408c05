package org.baiti.online;

import org.baiti.testing.SqliteApp;

/** {@link DraftsAndResumeContract} on SQLite. */
class DraftsAndResumeSqliteTest extends SqliteApp implements DraftsAndResumeContract {
}
