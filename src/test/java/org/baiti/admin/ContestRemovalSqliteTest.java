package org.baiti.admin;

import org.baiti.testing.SqliteSlice;
import org.springframework.context.annotation.Import;

@Import(ContestRemoval.class)
class ContestRemovalSqliteTest extends SqliteSlice implements ContestRemovalContract {
}
