package org.baiti.anticheat;

import javax.sql.DataSource;

import org.baiti.testing.SqliteApp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

@TestPropertySource(properties = {"baiti.otp.enabled=true", "baiti.otp.provider=development",
        "baiti.anticheat.max-attempts-per-address=3"})
@DirtiesContext
class ParticipantGuardSqliteTest extends SqliteApp implements ParticipantGuardContract {

    @Autowired
    DataSource dataSource;

    @Override
    public JdbcClient jdbc() {
        return JdbcClient.create(dataSource);
    }
}
