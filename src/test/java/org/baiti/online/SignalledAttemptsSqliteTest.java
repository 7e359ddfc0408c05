package org.baiti.online;

import org.baiti.testing.SqliteSlice;
import org.springframework.context.annotation.Import;

@Import(JdbcSignalledAttempts.class)
class SignalledAttemptsSqliteTest extends SqliteSlice implements SignalledAttemptsContract {
}
