package org.baiti.security;

import java.util.HashMap;
import java.util.Map;

import org.baiti.testing.Api;

import static org.assertj.core.api.Assertions.assertThat;

/** Creates staff accounts over the admin API for the tests, with unique names. */
final class Staffing {

    static final String PASSWORD = "staff-password-1";

    private Staffing() {
    }

    /** An account made for a test, and a client that sends its credentials. */
    record Member(String username, Api api) {
    }

    /** Creates an account with the role (and for a coordinator the unit) and returns a client logged in as it. */
    static Api account(Api admin, String role, Long contest, String unit) {
        return member(admin, role, contest, unit).api();
    }

    static Member member(Api admin, String role, Long contest, String unit) {
        String name = role.toLowerCase() + System.nanoTime();
        Map<String, Object> body = new HashMap<>(Map.of("username", name, "role", role, "password", PASSWORD,
                "displayName", "测试 " + role));
        if (contest != null) {
            body.put("unitContest", contest);
            body.put("unitCode", unit);
        }
        Api.Response r = admin.postJson("/api/admin/accounts", body);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return new Member(name, admin.as(name, PASSWORD));
    }
}
