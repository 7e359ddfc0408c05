package org.baiti.offline;

import org.baiti.testing.SqliteApp;

class OfflineImportSqliteTest extends SqliteApp implements OfflineImportContract {
}
