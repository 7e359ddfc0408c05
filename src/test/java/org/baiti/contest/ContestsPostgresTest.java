package org.baiti.contest;

import org.baiti.testing.PostgresSlice;
import org.springframework.context.annotation.Import;

@Import(JdbcContests.class)
class ContestsPostgresTest extends PostgresSlice implements ContestsContract {
}
