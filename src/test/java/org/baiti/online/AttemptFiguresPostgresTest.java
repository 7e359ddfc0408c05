package org.baiti.online;

import org.baiti.testing.PostgresSlice;
import org.springframework.context.annotation.Import;

@Import(JdbcAttemptFigures.class)
class AttemptFiguresPostgresTest extends PostgresSlice implements AttemptFiguresContract {
}
