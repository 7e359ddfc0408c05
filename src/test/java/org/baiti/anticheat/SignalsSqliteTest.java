package org.baiti.anticheat;

import org.baiti.testing.SqliteSlice;
import org.springframework.context.annotation.Import;

@Import({Signals.class, JdbcSignals.class, SignalsContract.Known.class})
class SignalsSqliteTest extends SqliteSlice implements SignalsContract {
}
