package org.baiti.reliability;

import org.baiti.testing.SqliteApp;

class HostileInputSqliteTest extends SqliteApp implements HostileInputContract {
}
