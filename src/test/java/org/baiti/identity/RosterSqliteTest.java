package org.baiti.identity;

import org.baiti.testing.SqliteApp;

class RosterSqliteTest extends SqliteApp implements RosterContract {
}
