package org.baiti.contest;

import org.baiti.testing.SqliteSlice;
import org.springframework.context.annotation.Import;

@Import(JdbcContests.class)
class ContestsSqliteTest extends SqliteSlice implements ContestsContract {
}
