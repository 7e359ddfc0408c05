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
    }
}
