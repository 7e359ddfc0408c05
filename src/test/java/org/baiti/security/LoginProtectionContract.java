package org.baiti.security;

import java.time.Duration;
import java.util.Map;

import org.baiti.testing.Api;
import org.baiti.testing.App;
import org.baiti.testing.WebSession;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Login throttling and what disabling an account or resetting a password does, over HTTP. These tests fail logins
 * on purpose, so each database gets its own application (and its own clock, moved forward to end a lock); the
 * address limit is 8 here, so the user-name limit (5) is seen first.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
interface LoginProtectionContract extends App {

    @Test
    @Order(1)
    default void fiveFailedLoginsForANameLockItForAQuarterOfAnHourEvenWithTheRightPassword() {
        Api admin = api().admin();
        Staffing.Member m = Staffing.member(admin, "ORGANIZER", null, null);
        Api wrong = api().as(m.username(), "not-the-password");
        for (int i = 0; i < 5; i++) {
            assertThat(wrong.get("/api/admin/contests").status()).as("failure " + (i + 1)).isEqualTo(401);
        }
        Api.Response locked = m.api().get("/api/admin/contests");
        assertThat(locked.status()).isEqualTo(429);
        assertThat(locked.json().get("error").asString()).isEqualTo("too_many_failed_logins");
        assertThat(locked.json().get("message").asString()).isEqualTo("登录失败次数过多，已暂停登录，请 15 分钟后再试");
        WebSession.Page english = new WebSession(api()).get("/api/admin/contests", Map.of("Accept-Language", "en",
                "Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                        (m.username() + ":" + Staffing.PASSWORD).getBytes())));
        assertThat(Api.JSON.readTree(english.body()).get("message").asString()).contains("Too many failed logins").contains("15 min")
                .doesNotContain("登录");
        WebSession web = new WebSession(api());
        WebSession.Page apiAnswer = web.get("/api/admin/contests", Map.of("Authorization", "Basic "
                + java.util.Base64.getEncoder().encodeToString((m.username() + ":" + Staffing.PASSWORD).getBytes())));
        assertThat(Long.parseLong(apiAnswer.header("Retry-After"))).isBetween(800L, 900L);

        WebSession.Page form = web.login(m.username(), Staffing.PASSWORD);
        assertThat(form.status()).as("the login form is locked too").isEqualTo(429);
        assertThat(form.body()).contains("登录失败次数过多").doesNotContain("Too many failed logins");
        assertThat(form.headers().firstValue("Set-Cookie").orElse("")).doesNotContain("SESSION=");

        assertThat(admin.get("/api/admin/contests").status()).as("other names are not locked").isEqualTo(200);

        clock().advance(Duration.ofMinutes(15).plusSeconds(1));
        assertThat(m.api().get("/api/admin/contests").status()).as("the lock ends").isEqualTo(200);
        assertThat(new WebSession(api()).login(m.username(), Staffing.PASSWORD).status()).isEqualTo(302);
    }

    @Test
    @Order(2)
    default void failedFormLoginsCountAndASuccessfulLoginForgetsThem() {
        Api admin = api().admin();
        Staffing.Member m = Staffing.member(admin, "JUDGE", null, null);
        WebSession web = new WebSession(api());
        for (int i = 0; i < 4; i++) {
            WebSession.Page p = web.login(m.username(), "wrong-password");
            assertThat(p.status()).isEqualTo(302);
            assertThat(p.location()).contains("/login?error");
        }
        assertThat(web.login(m.username(), Staffing.PASSWORD).status()).isEqualTo(302);
        // the name's count started again: three more failures (seven for the name without the reset) do not lock it
        for (int i = 0; i < 3; i++) {
            assertThat(m.api().as(m.username(), "wrong").get("/api/admin/contests").status()).isEqualTo(401);
        }
        assertThat(m.api().get("/api/admin/contests").status()).isEqualTo(200);
        clock().advance(Duration.ofMinutes(16)); // leave the address count clean for the next tests
    }

    @Test
    @Order(3)
    default void aDisabledAccountIsRefusedAndItsPageSessionEnds() {
        Api admin = api().admin();
        Staffing.Member m = Staffing.member(admin, "ORGANIZER", null, null);
        WebSession web = new WebSession(api());
        assertThat(web.login(m.username(), Staffing.PASSWORD).status()).isEqualTo(302);
        assertThat(web.get("/admin").status()).isEqualTo(200);

        assertThat(admin.putJson("/api/admin/accounts/" + m.username(), Map.of("enabled", false)).status()).isEqualTo(200);
        assertThat(m.api().get("/api/admin/contests").status()).isEqualTo(401);
        WebSession.Page after = web.get("/admin");
        assertThat(after.status()).as("the session ended").isEqualTo(302);
        assertThat(after.location()).contains("/login");

        assertThat(admin.putJson("/api/admin/accounts/" + m.username(),
                Map.of("enabled", true, "password", "a-new-password-2")).status()).isEqualTo(200);
        assertThat(m.api().get("/api/admin/contests").status()).as("old password").isEqualTo(401);
        assertThat(api().as(m.username(), "a-new-password-2").get("/api/admin/contests").status()).isEqualTo(200);
        String audit = admin.get("/api/admin/audit?action=account.update").body();
        assertThat(audit).contains(m.username()).contains("reset").doesNotContain("a-new-password-2");
        clock().advance(Duration.ofMinutes(16));
    }

    @Test
    @Order(4)
    default void failedLoginsFromOneAddressLockThatAddressForEveryName() {
        Api admin = api().admin();
        int refused = 0;
        for (int i = 0; i < 10; i++) {
            int status = api().as("nobody" + i + "x" + System.nanoTime(), "guess-" + i).get("/api/admin/contests").status();
            assertThat(status).isIn(401, 429);
            if (status == 429) {
                refused++;
            }
        }
        assertThat(refused).as("after 8 failures from the address the rest are refused").isEqualTo(2);
        Api.Response locked = admin.get("/api/admin/contests");
        assertThat(locked.status()).as("even the right password, from that address").isEqualTo(429);

        clock().advance(Duration.ofMinutes(15).plusSeconds(1));
        assertThat(admin.get("/api/admin/contests").status()).isEqualTo(200);
    }

    /** Finding 1 of the probe: the form login's lock holds for the login path written with percent escapes too. */
    @Test
    @Order(5)
    default void aLockedNameCannotLogInThroughAPercentEncodedLoginPath() {
        Api admin = api().admin();
        Staffing.Member m = Staffing.member(admin, "ORGANIZER", null, null);
        for (int i = 0; i < 5; i++) {
            assertThat(api().as(m.username(), "wrong-" + i).get("/api/admin/contests").status()).isEqualTo(401);
        }
        for (String path : java.util.List.of("/login", "/%6cogin", "/l%6fgin", "/%6C%6F%67%69%6E")) {
            WebSession web = new WebSession(api());
            String csrf = web.get("/login").csrf();
            WebSession.Page p = web.post(path, Map.of("username", m.username(), "password", Staffing.PASSWORD, "_csrf", csrf));
            assertThat(p.status()).as("POST %s with the right password while locked", path).isIn(429, 400, 404);
            assertThat(p.headers().firstValue("Set-Cookie").orElse("")).as(path).doesNotContain("SESSION=");
            assertThat(web.get("/admin").status()).as("%s did not log in", path).isEqualTo(302);
        }
        clock().advance(Duration.ofMinutes(16));
    }
}
