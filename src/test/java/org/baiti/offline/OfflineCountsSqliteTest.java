package org.baiti.offline;

import org.baiti.testing.SqliteSlice;
import org.springframework.context.annotation.Import;

@Import(JdbcOfflineResults.class)
class OfflineCountsSqliteTest extends SqliteSlice implements OfflineCountsContract {
}
