package org.baiti.offline;

import org.baiti.testing.SqliteApp;

class OfflineImportJobsSqliteTest extends SqliteApp implements OfflineImportJobsContract {
}
