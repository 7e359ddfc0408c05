package org.baiti;

import org.baiti.testing.SqliteApp;

class GroupCommitSqliteTest extends SqliteApp implements GroupCommitContract {
}
