package org.baiti.testing;

import org.springframework.test.context.DynamicPropertyRegistry;

/** What a test contract needs from the running application, whichever database it is on. */
public interface App {

    String ADMIN_PASSWORD = "test-admin-password";

    Api api();

    String database();

    static void common(DynamicPropertyRegistry r) {
        r.add("BAITI_ADMIN_PASSWORD", () -> ADMIN_PASSWORD);
        r.add("baiti.demo", () -> "false");
        // The whole suite talks from 127.0.0.1: per-address rate limits would throttle it. They are switched off here
        // and tested with their own low values (anticheat.RateLimitSqliteTest).
        r.add("baiti.rate-limit.start-per-minute", () -> "0");
        r.add("baiti.rate-limit.submit-per-minute", () -> "0");
        r.add("baiti.rate-limit.code-per-minute", () -> "0");
    }
}
