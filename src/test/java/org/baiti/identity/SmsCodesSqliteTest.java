package org.baiti.identity;

import org.baiti.testing.SqliteApp;
import org.baiti.testing.TestClock;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@Import(TestClock.Config.class)
@DirtiesContext
class SmsCodesSqliteTest extends SqliteApp implements SmsCodesContract {

    @DynamicPropertySource
    static void sms(DynamicPropertyRegistry r) {
        SmsCodesContract.properties(r);
    }
}
