package org.baiti.anticheat;

import org.baiti.testing.SqliteApp;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

@TestPropertySource(properties = {"baiti.otp.enabled=true", "baiti.otp.provider=development",
        "baiti.anticheat.max-attempts-per-address=3"})
@DirtiesContext
class ParticipantGuardSqliteTest extends SqliteApp implements ParticipantGuardContract {
}
