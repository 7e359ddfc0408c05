package org.baiti.unit;

import org.baiti.testing.SqliteApp;

class UnitImportSqliteTest extends SqliteApp implements UnitImportContract {
}
