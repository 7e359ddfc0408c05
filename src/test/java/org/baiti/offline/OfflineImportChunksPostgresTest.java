package org.baiti.offline;

class OfflineImportChunksPostgresTest extends org.baiti.testing.PostgresApp implements OfflineImportChunksContract {
}
