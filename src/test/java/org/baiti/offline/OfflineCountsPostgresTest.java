package org.baiti.offline;

import org.baiti.testing.PostgresSlice;
import org.springframework.context.annotation.Import;

@Import(JdbcOfflineResults.class)
class OfflineCountsPostgresTest extends PostgresSlice implements OfflineCountsContract {
}
