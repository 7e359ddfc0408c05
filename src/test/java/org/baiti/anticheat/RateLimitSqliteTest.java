package org.baiti.anticheat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import java.io.IOException;
import java.nio.file.Files;

import org.baiti.testing.Api;
import org.baiti.testing.App;
import org.baiti.testing.Fixtures;
import org.baiti.testing.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rate limits on attempt starts and submits per client address, set low for the test. The buckets are in memory
 * and the same on either database, so this runs on SQLite only.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class RateLimitSqliteTest {

    @LocalServerPort
    int port;

    /** Not {@link org.baiti.testing.SqliteApp}: the suite's common properties switch rate limits off. */
    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry r) throws IOException {
        String dir = Files.createTempDirectory("baiti-rate-").toString();
        r.add("baiti.data-dir", () -> dir);
        r.add("BAITI_ADMIN_PASSWORD", () -> App.ADMIN_PASSWORD);
        r.add("baiti.demo", () -> "false");
        r.add("baiti.rate-limit.start-per-minute", () -> "3");
        r.add("baiti.rate-limit.submit-per-minute", () -> "2");
    }

    Api api() {
        return new Api(port);
    }

    @Test
    void startsAndSubmitsBeyondTheLimitAreRefusedWith429AndAClearMessage() {
        Api admin = api().admin();
        long id = Fixtures.contest(admin, 5);
        admin.upload("/api/admin/contests/" + id + "/units", "units.csv", Fixtures.csv(Fixtures.units()));
        admin.upload("/api/admin/contests/" + id + "/bank", "bank.csv", Fixtures.csv(Fixtures.bank()));
        JsonNode first = null;
        for (int i = 0; i < 3; i++) {
            Api.Response r = api().postJson("/api/contests/" + id + "/attempts",
                    Map.of("name", "甲" + i, "phone", "1360000000" + i, "unit", "U1"));
            assertThat(r.status()).as(r.body()).isEqualTo(201);
            if (first == null) {
                first = r.json();
            }
        }
        Api.Response refused = api().postJson("/api/contests/" + id + "/attempts",
                Map.of("name", "乙", "phone", "13600000009", "unit", "U1"));
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.json().get("error").asString()).isEqualTo("rate_limited");
        assertThat(refused.json().get("message").asString()).contains("请求过于频繁").contains("Too many requests; try again in");
        WebSession raw = new WebSession(api());
        WebSession.Page again = raw.postJson("/api/contests/" + id + "/attempts",
                "{\"name\":\"丙\",\"phone\":\"13600000008\",\"unit\":\"U1\"}", Map.of());
        assertThat(again.status()).isEqualTo(429);
        assertThat(Long.parseLong(again.header("Retry-After"))).isBetween(1L, 60L);
        assertThat(raw.get("/api/contests/" + id).status()).as("other participant requests are not limited").isEqualTo(200);

        String attempt = first.get("attemptId").asString();
        String token = first.get("token").asString();
        Map<String, List<String>> answers = new HashMap<>();
        Map<String, Object> body = Map.of("answers", answers);
        assertThat(api().postJson("/api/attempts/" + attempt + "/submit", body, token).status()).isEqualTo(200);
        assertThat(api().postJson("/api/attempts/" + attempt + "/submit", body, token).status()).as("the same answer again").isEqualTo(200);
        Api.Response third = api().postJson("/api/attempts/" + attempt + "/submit", body, token);
        assertThat(third.status()).isEqualTo(429);
        assertThat(third.json().get("error").asString()).isEqualTo("rate_limited");
    }
}
