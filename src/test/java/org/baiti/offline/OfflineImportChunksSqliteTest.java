package org.baiti.offline;

class OfflineImportChunksSqliteTest extends org.baiti.testing.SqliteApp implements OfflineImportChunksContract {
}
