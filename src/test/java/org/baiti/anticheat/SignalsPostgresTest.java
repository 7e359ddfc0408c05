package org.baiti.anticheat;

import org.baiti.testing.PostgresSlice;
import org.springframework.context.annotation.Import;

@Import({Signals.class, JdbcSignals.class, SignalsContract.Known.class})
class SignalsPostgresTest extends PostgresSlice implements SignalsContract {
}
