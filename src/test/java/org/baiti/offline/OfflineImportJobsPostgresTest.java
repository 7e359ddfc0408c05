package org.baiti.offline;

import org.baiti.testing.PostgresApp;

class OfflineImportJobsPostgresTest extends PostgresApp implements OfflineImportJobsContract {
}
