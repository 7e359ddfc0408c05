package org.baiti.online;

import org.baiti.testing.PostgresSlice;
import org.springframework.context.annotation.Import;

@Import(JdbcSignalledAttempts.class)
class SignalledAttemptsPostgresTest extends PostgresSlice implements SignalledAttemptsContract {
}
