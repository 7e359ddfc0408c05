package org.baiti.contest;

import org.baiti.testing.SqliteApp;

class ContestApiSqliteTest extends SqliteApp implements ContestApiContract {
}
