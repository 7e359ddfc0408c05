package org.baiti.online;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.baiti.testing.Api;
import org.baiti.testing.App;
import org.baiti.testing.Fixtures;
import org.baiti.testing.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The participant rate limits on the DEFAULT settings (docs/security.md): a crowd behind one address gets through,
 * abuse does not. Not {@link org.baiti.testing.SqliteApp}: the suite's common properties switch the limits off. Client
 * addresses come from {@code X-Forwarded-For} ({@link Api#from}), so each test has addresses of its own. The
 * application's clock is stopped ({@link TestClock}): a bucket refills only when a test moves the clock, so the counts
 * are exact and a crowd "within two minutes" is two minutes of that clock, however fast this machine is.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestClock.Config.class)
@DirtiesContext
class CrowdLimitsSqliteTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestClock clock;

    @BeforeEach
    void stopTheClock() {
        clock.stop();
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry r) throws IOException {
        String dir = Files.createTempDirectory("baiti-crowd-").toString();
        r.add("baiti.data-dir", () -> dir);
        r.add("BAITI_ADMIN_PASSWORD", () -> App.ADMIN_PASSWORD);
        r.add("baiti.demo", () -> "false");
        r.add("server.forward-headers-strategy", () -> "native");
    }

    Api api(String address) {
        return new Api(port).from(address);
    }

    private long contest(Map<String, Object> settings, String unitHeadcount) {
        Api admin = new Api(port).admin();
        Map<String, Object> s = new HashMap<>(Map.of("questionsPerPaper", 5));
        s.putAll(settings);
        long id = Fixtures.contest(admin, s);
        List<List<String>> units = new ArrayList<>(Fixtures.units());
        units.replaceAll(row -> row.get(0).equals("U1") ? List.of("U1", "市教育局", "", unitHeadcount) : row);
        assertThat(admin.upload("/api/admin/contests/" + id + "/units", "units.csv", Fixtures.csv(units)).status()).isEqualTo(200);
        assertThat(admin.upload("/api/admin/contests/" + id + "/bank", "bank.csv", Fixtures.csv(Fixtures.bank())).status()).isEqualTo(200);
        return id;
    }

    private static Map<String, Object> person(int i) {
        return Map.of("name", "同单位" + i, "phone", "1370" + String.format("%07d", i), "unit", i % 2 == 0 ? "U1" : "U1-1");
    }

    private static Map<String, Object> answers(JsonNode paper) {
        Map<String, List<String>> answers = new HashMap<>();
        for (JsonNode q : paper.get("questions")) {
            answers.put(q.get("id").asString(), List.of(q.get("options").get(0).get("id").asString()));
        }
        return Map.of("answers", answers);
    }

    @Test
    void sixHundredPeopleBehindOneAddressStartAndSubmitWithinTwoMinutesOnTheDefaultSettings() throws Exception {
        long id = contest(Map.of(), "600");
        Api crowd = api("10.1.0.1");
        int people = 600;
        Duration apart = Duration.ofMinutes(2).dividedBy(people); // one after another, over two minutes
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<int[]>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < people; i++) {
                int k = i;
                answers.add(pool.submit(() -> {
                    clock.advance(apart);
                    Api.Response started = crowd.postJson("/api/contests/" + id + "/attempts", person(k));
                    if (started.status() != 201) {
                        return new int[] {started.status(), 0};
                    }
                    JsonNode paper = started.json();
                    Api.Response submitted = crowd.postJson("/api/attempts/" + paper.get("attemptId").asString() + "/submit",
                            answers(paper), paper.get("token").asString());
                    return new int[] {201, submitted.status()};
                }));
            }
            for (Future<int[]> f : answers) {
                int[] r = f.get();
                assertThat(r[0]).as("start").isEqualTo(201);
                assertThat(r[1]).as("submit").isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM attempt WHERE contest_id = ? AND submitted_at IS NOT NULL").param(id)
                .query(Long.class).single()).isEqualTo(people);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM attempt_signal WHERE contest_id = ? AND kind = 'many_attempts_from_address'")
                .param(id).query(Long.class).single()).as("a unit of 600 answering together is not flagged").isZero();

        // the one-attempt rule still holds for the crowd's phones
        Api.Response again = crowd.postJson("/api/contests/" + id + "/attempts", person(7));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("error").asString()).isEqualTo("already_attempted");
    }

    @Test
    void aTokensFloodIsRefusedWhileOthersGoOn() {
        long id = contest(Map.of(), "300");
        Api me = api("10.2.0.1");
        JsonNode paper = me.postJson("/api/contests/" + id + "/attempts", person(1)).json();
        String path = "/api/attempts/" + paper.get("attemptId").asString();
        String token = paper.get("token").asString();
        int ok = 0;
        Api.Response last = null;
        for (int i = 0; i < 70; i++) {
            last = me.get(path, token);
            if (last.status() != 200) {
                break;
            }
            ok++;
        }
        assertThat(ok).as("60 requests a minute per attempt").isEqualTo(60);
        assertThat(last.status()).isEqualTo(429);
        assertThat(last.json().get("error").asString()).isEqualTo("rate_limited");
        assertThat(last.json().get("message").asString()).contains("请求过于频繁").doesNotContain("Too many");
        assertThat(me.postJson(path + "/submit", answers(paper), token).status()).as("every request naming the attempt").isEqualTo(429);

        JsonNode other = me.postJson("/api/contests/" + id + "/attempts", person(2)).json();
        assertThat(me.get("/api/attempts/" + other.get("attemptId").asString(), other.get("token").asString()).status())
                .as("another attempt from the same address").isEqualTo(200);
        clock.advance(Duration.ofSeconds(1));
        assertThat(me.get(path, token).status()).as("a second later: one token back").isEqualTo(200);
        assertThat(me.get(path, token).status()).as("and only one").isEqualTo(429);
    }

    @Test
    void forgedTokensAreRefusedAndTheirFailuresThrottled() {
        long id = contest(Map.of(), "300");
        Api honest = api("10.4.0.1");
        JsonNode paper = honest.postJson("/api/contests/" + id + "/attempts", person(3)).json();
        String attempt = paper.get("attemptId").asString();
        Api forger = api("10.4.0.2");
        int refused = 0;
        for (int i = 0; i < 150; i++) {
            String forged = String.format("%032x", i);
            Api.Response r = i % 2 == 0 ? forger.get("/api/attempts/" + attempt, forged)
                    : forger.get("/api/attempts/" + String.format("%032x", 1000 + i), forged);
            if (r.status() == 429) {
                break;
            }
            assertThat(r.status()).as("forged token " + i).isIn(403, 404);
            refused++;
        }
        // 60 a minute: the 61st failure is still answered, and finds the bucket empty
        assertThat(refused).as("failures before the address is refused").isEqualTo(61);
        Api.Response blocked = forger.postJson("/api/attempts/" + attempt + "/submit", answers(paper), paper.get("token").asString());
        assertThat(blocked.status()).as("after 60 failures a minute the address is refused, even with a good token").isEqualTo(429);
        assertThat(honest.get("/api/attempts/" + attempt, paper.get("token").asString()).status()).as("other addresses go on").isEqualTo(200);
        clock.advance(Duration.ofMinutes(1));
        assertThat(forger.get("/api/attempts/" + attempt, String.format("%032x", 999)).status())
                .as("a minute later the address is heard again (and refused for the token)").isIn(403, 404);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM attempt WHERE id = ? AND submitted_at IS NULL").param(attempt)
                .query(Long.class).single()).isEqualTo(1);
    }

    /**
     * The per-address limits are a contest setting, and they hold on the percent-encoded forms of the paths as well
     * (issue 19): Spring MVC decodes {@code %61ttempts} to {@code attempts}, and so do the limits.
     */
    @Test
    void aContestsOwnAddressLimitsHoldOnPercentEncodedPathsToo() {
        Api admin = new Api(port).admin();
        Api.Response bad = admin.postJson("/api/admin/contests", Map.of("name", "x", "questionsPerPaper", 5,
                "timeLimitSeconds", 600, "opensAt", "2026-01-01T00:00:00Z", "closesAt", "2027-01-01T00:00:00Z",
                "onlineQuota", 1, "drawQuota", 1, "orgQuota", 1, "addressStartsPerMinute", -1));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("addressStartsPerMinute");

        long id = contest(Map.of("addressStartsPerMinute", 2, "addressSubmitsPerMinute", 1), "300");
        assertThat(admin.get("/api/admin/contests/" + id).json().get("addressStartsPerMinute").asInt()).isEqualTo(2);
        Api room = api("10.3.0.1");
        Api.Response a = room.postJson("/api/contests/" + id + "/attempts", person(11));
        Api.Response b = room.postJson("/api/contests/" + id + "/%61ttempts", person(12));
        assertThat(a.status()).isEqualTo(201);
        assertThat(b.status()).as("the encoded path is the start handler").isEqualTo(201);
        Api.Response c = room.postJson("/api/contests/" + id + "/%61ttempts", person(13));
        assertThat(c.status()).as(c.body()).isEqualTo(429);
        assertThat(c.json().get("error").asString()).isEqualTo("rate_limited");
        assertThat(room.postJson("/%61pi/contests/" + id + "/attempts", person(14)).status()).isNotEqualTo(201);
        assertThat(api("10.3.0.2").postJson("/api/contests/" + id + "/attempts", person(16)).status())
                .as("another address").isEqualTo(201);

        JsonNode pa = a.json();
        JsonNode pb = b.json();
        assertThat(room.postJson("/api/attempts/" + pa.get("attemptId").asString() + "/submit", answers(pa),
                pa.get("token").asString()).status()).isEqualTo(200);
        Api.Response second = room.postJson("/api/attempts/" + pb.get("attemptId").asString() + "/%73ubmit", answers(pb),
                pb.get("token").asString());
        assertThat(second.status()).as(second.body()).isEqualTo(429);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM attempt WHERE contest_id = ?").param(id).query(Long.class).single())
                .isEqualTo(3);
    }
}
