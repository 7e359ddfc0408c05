package org.baiti.online;

import org.baiti.testing.SqliteSlice;
import org.springframework.context.annotation.Import;

@Import(JdbcAttemptFigures.class)
class AttemptFiguresSqliteTest extends SqliteSlice implements AttemptFiguresContract {
}
