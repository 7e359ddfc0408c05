package org.baiti.offline;

import org.baiti.testing.PostgresApp;

class OfflineImportPostgresTest extends PostgresApp implements OfflineImportContract {
}
