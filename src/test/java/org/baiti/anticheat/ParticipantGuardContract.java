package org.baiti.anticheat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import org.baiti.testing.Api;
import org.baiti.testing.App;
import org.baiti.testing.Fixtures;
import org.baiti.testing.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What protects the online channel, over HTTP on SQLite and PostgreSQL: one attempt per person enforced by the
 * database even when starts race, the roster, one-time codes (the development implementation), and anti-cheat
 * signals with the review list. Runs with codes switched on and a low many-attempts threshold (3).
 */
interface ParticipantGuardContract extends App {

    /** The right options of {@link Fixtures#bank()}, by question and as the paper words them. */
    Map<String, Set<String>> BANK_KEY = Map.of("Q1", Set.of("12119"), "Q2", Set.of("可燃物", "助燃物", "着火源"),
            "Q3", Set.of("错"), "Q4", Set.of("盖锅盖"), "Q5", Set.of("对"), "Q6", Set.of("上坟烧纸", "燃放烟花", "烧荒"));

    default JdbcClient jdbc() {
        return bean(JdbcClient.class);
    }

    /**
     * An open contest with the small unit tree and bank (5 questions a paper); U1 expects 2 people, U2 expects 6 (the
     * many-attempts signal compares with the larger of its threshold, 3 here, and the unit's headcount).
     */
    private long contest(Api admin) {
        long id = Fixtures.contest(admin, 5);
        List<List<String>> units = new ArrayList<>(Fixtures.units());
        units.replaceAll(row -> row.get(0).equals("U1") ? List.of("U1", "市教育局", "", "2")
                : row.get(0).equals("U2") ? List.of("U2", "东城区", "", "6") : row);
        assertThat(admin.upload("/api/admin/contests/" + id + "/units", "units.csv", Fixtures.csv(units)).status()).isEqualTo(200);
        assertThat(admin.upload("/api/admin/contests/" + id + "/bank", "bank.csv", Fixtures.csv(Fixtures.bank())).status()).isEqualTo(200);
        return id;
    }

    static String phone() {
        return "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    /** Asks for a code (the development implementation tells it) and returns it. */
    private String code(long contest, String phone) {
        Api.Response r = api().postJson("/api/contests/" + contest + "/codes", Map.of("phone", phone));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().get("developmentCode").asString();
    }

    private Api.Response start(long contest, String name, String phone, String unit, String code) {
        Map<String, Object> body = new HashMap<>(Map.of("name", name, "phone", phone, "unit", unit));
        if (code != null) {
            body.put("code", code);
        }
        return api().postJson("/api/contests/" + contest + "/attempts", body);
    }

    private Api.Response start(long contest, String name, String phone, String unit) {
        return start(contest, name, phone, unit, code(contest, phone));
    }

    @Test
    default void tenStartsRacingForOnePhoneGiveExactlyOneAttemptAndTheDatabaseRefusesASecond() throws Exception {
        long id = contest(api().admin());
        String phone = phone();
        String code = code(id, phone);
        int n = 10;
        CountDownLatch ready = new CountDownLatch(n);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(n);
        List<Future<Api.Response>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < n; i++) {
                int k = i;
                answers.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return start(id, "并发" + k, phone, "U1", code);
                }));
            }
            ready.await();
            go.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Api.Response> f : answers) {
                Api.Response r = f.get();
                statuses.add(r.status());
                if (r.status() == 409) {
                    assertThat(r.json().get("error").asString()).isEqualTo("already_attempted");
                }
                if (r.status() == 403) { // the winner used the one-time code up before this start checked it
                    assertThat(r.json().get("error").asString()).isEqualTo("invalid_code");
                }
            }
            assertThat(statuses).as(statuses.toString()).isSubsetOf(201, 409, 403);
            assertThat(statuses.stream().filter(s -> s == 201).count()).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc().sql("SELECT COUNT(*) FROM attempt WHERE contest_id = ? AND phone = ?").params(id, phone)
                .query(Long.class).single()).isEqualTo(1);

        // Not only the code: the database itself refuses a second attempt number 1 for the phone.
        assertThatThrownBy(() -> jdbc().sql("""
                INSERT INTO attempt (id, contest_id, phone, name, unit_code, top_code, attempt_no, token_hash, paper,
                                     issued_at, expires_at)
                SELECT 'ffffffffffffffffffffffffffffffff', contest_id, phone, '另一个人', unit_code, top_code, 1,
                       token_hash, paper, issued_at, expires_at
                FROM attempt WHERE contest_id = ? AND phone = ?
                """).params(id, phone).update())
                // PostgreSQL: a DuplicateKeyException; SQLite's driver error stays uncategorized, so check the words
                .isInstanceOf(DataAccessException.class)
                .satisfies(e -> assertThat(e.getMessage()).containsIgnoringCase("attempt")
                        .containsPattern("(?i)UNIQUE constraint failed: attempt.contest_id, attempt.phone, attempt.attempt_no"
                                + "|duplicate key value violates unique constraint"));
        assertThat(jdbc().sql("SELECT COUNT(*) FROM attempt WHERE contest_id = ? AND phone = ?").params(id, phone)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    default void oneTimeCodesAreAskedForAndChecked() {
        long id = contest(api().admin());
        String phone = phone();
        Api.Response sent = api().postJson("/api/contests/" + id + "/codes", Map.of("phone", phone));
        assertThat(sent.status()).isEqualTo(200);
        assertThat(sent.json().get("phone").asString()).isEqualTo(phone.substring(0, 3) + "****" + phone.substring(7));
        String code = sent.json().get("developmentCode").asString();
        assertThat(code).matches("\\d{6}");

        Api.Response again = api().postJson("/api/contests/" + id + "/codes", Map.of("phone", phone));
        assertThat(again.status()).as("one code a minute per phone").isEqualTo(429);
        assertThat(api().postJson("/api/contests/" + id + "/codes", Map.of("phone", "12345")).status()).isEqualTo(400);

        Api.Response missing = start(id, "张三", phone, "U1", null);
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("error").asString()).isEqualTo("code_required");
        String wrongCode = code.equals("000000") ? "111111" : "000000";
        Api.Response wrong = start(id, "张三", phone, "U1", wrongCode);
        assertThat(wrong.status()).isEqualTo(403);
        assertThat(wrong.json().get("error").asString()).isEqualTo("invalid_code");
        assertThat(start(id, "张三", phone, "U1", code).status()).isEqualTo(201);
    }

    @Test
    default void whenTheRosterIsRequiredOnlyListedPeopleInTheirUnitOrBelowMayStart() {
        Api admin = api().admin();
        long id = contest(admin);
        String zhang = phone();
        String li = phone();
        String stranger = phone();
        Api.Response imported = admin.upload("/api/admin/contests/" + id + "/roster", "roster.csv", Fixtures.csv(List.of(
                List.of("姓名", "手机号", "单位编码"),
                List.of("张三", zhang, "U1"),
                List.of("李四", li, "U2"))));
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        String zhangCode = code(id, zhang);
        String liCode = code(id, li);
        assertThat(start(id, "路人", stranger, "U1").status()).as("not required yet").isEqualTo(201);
        assertThat(admin.putJson("/api/admin/contests/" + id + "/roster-required", Map.of("required", true)).status()).isEqualTo(200);

        String wang = phone();
        String wangCode = code(id, wang);
        Api.Response notListed = start(id, "王五", wang, "U1", wangCode);
        assertThat(notListed.status()).isEqualTo(403);
        assertThat(notListed.json().get("error").asString()).isEqualTo("not_on_roster");
        assertThat(notListed.json().get("message").asString()).contains("参赛名单").doesNotContain("roster");
        Api.Response notListedEn = api().accepting("en").postJson("/api/contests/" + id + "/attempts",
                Map.of("name", "王五", "phone", wang, "unit", "U1", "code", wangCode));
        assertThat(notListedEn.json().get("error").asString()).isEqualTo("not_on_roster");
        assertThat(notListedEn.json().get("message").asString()).contains("roster").doesNotContain("参赛名单");
        assertThat(start(id, "李四", li, "U1", liCode).status()).as("another unit").isEqualTo(403);
        assertThat(start(id, "李 四", li, "U2", liCode).status()).as("another name").isEqualTo(403);
        assertThat(start(id, "张三", zhang, "U1-1-1", zhangCode).status()).as("a unit below the roster's").isEqualTo(201);
        assertThat(start(id, "李四", li, "U2-1", liCode).status()).isEqualTo(201);
    }

    /**
     * Attempts per address are counted as they are stored (V54), not by reading the address's attempts at every
     * start: each flagged start says how many came from the address.
     */
    @Test
    default void attemptsFromAnAddressAreCountedAsTheyAreStored() {
        Api admin = api().admin();
        long id = contest(admin);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Api.Response r = start(id, "同址计数" + i, phone(), "U1");
            assertThat(r.status()).isEqualTo(201);
            ids.add(r.json().get("attemptId").asString());
        }
        String ip = jdbc().sql("SELECT client_ip FROM attempt WHERE id = ?").param(ids.get(0)).query(String.class).single();
        assertThat(jdbc().sql("SELECT attempts FROM attempt_address_unit_count WHERE contest_id = ? AND client_ip = ? AND top_code = 'U1'")
                .params(id, ip).query(Long.class).single()).isEqualTo(5);
        for (int i = 0; i < 5; i++) {
            List<Integer> hits = jdbc().sql("SELECT hits FROM attempt_signal WHERE attempt_id = ? AND kind = ?")
                    .params(ids.get(i), "many_attempts_from_address").query(Integer.class).list();
            // threshold 3: the fourth and fifth attempts from the address are flagged, with their own numbers
            assertThat(hits).as("attempt " + (i + 1)).isEqualTo(i < 3 ? List.of() : List.of(i + 1));
        }
    }

    /**
     * A unit answering together behind one address is not flagged while it stays within its headcount (U2: 6 people,
     * over the threshold of 3); the attempt beyond its headcount is. Another unit behind the same address counts apart.
     */
    @Test
    default void aUnitAnsweringTogetherBehindOneAddressIsNotFlaggedWithinItsHeadcount() {
        long id = contest(api().admin());
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            Api.Response r = start(id, "同单位" + i, phone(), i % 2 == 0 ? "U2" : "U2-1");
            assertThat(r.status()).isEqualTo(201);
            ids.add(r.json().get("attemptId").asString());
        }
        Api.Response otherUnit = start(id, "别的单位", phone(), "U1");
        assertThat(otherUnit.status()).isEqualTo(201);
        for (int i = 0; i < 7; i++) {
            List<String> detail = jdbc().sql("SELECT detail FROM attempt_signal WHERE attempt_id = ? AND kind = ?")
                    .params(ids.get(i), "many_attempts_from_address").query(String.class).list();
            assertThat(detail).as("attempt " + (i + 1) + " of a unit of 6").hasSize(i < 6 ? 0 : 1);
            if (i == 6) {
                assertThat(detail.get(0)).contains("\"headcount\":6").contains("\"threshold\":6").contains("\"unit\":\"U2\"");
            }
        }
        assertThat(jdbc().sql("SELECT COUNT(*) FROM attempt_signal WHERE attempt_id = ?")
                .param(otherUnit.json().get("attemptId").asString()).query(Long.class).single())
                .as("the first attempt of another unit behind the same address").isZero();
    }

    @Test
    default void signalsPutAttemptsOnTheReviewListWithMaskedPhonesAndChangeNoScore() {
        Api admin = api().admin();
        long id = contest(admin);
        String fastPhone = phone();
        Api.Response fast = start(id, "快手", fastPhone, "U1");
        assertThat(fast.status()).isEqualTo(201);
        String attempt = fast.json().get("attemptId").asString();
        String token = fast.json().get("token").asString();

        String path = "/api/attempts/" + attempt + "/signals";
        assertThat(api().postJson(path, Map.of("kind", "page_hidden", "count", 3)).status()).as("no token").isEqualTo(401);
        assertThat(api().postJson(path, Map.of("kind", "page_hidden", "count", 3), "0".repeat(32)).status()).isEqualTo(403);
        assertThat(api().postJson(path, Map.of("kind", "too_fast", "count", 1), token).status()).as("only the page's own kind").isEqualTo(400);
        assertThat(api().postJson(path, Map.of("kind", "page_hidden", "count", 2), token).status()).isEqualTo(204);
        assertThat(api().postJson(path, Map.of("kind", "page_hidden", "count", 3), token).status()).isEqualTo(204);
        assertThat(api().postJson(path, Map.of("kind", "page_hidden", "count", 1), token).status()).isEqualTo(204);

        // every answer right, so the marking alone gives the paper's full points
        Map<String, List<String>> answers = new HashMap<>();
        int points = 0;
        for (JsonNode q : fast.json().get("questions")) {
            List<String> right = new ArrayList<>();
            for (JsonNode o : q.get("options")) {
                if (BANK_KEY.get(q.get("id").asString()).contains(o.get("text").asString())) {
                    right.add(o.get("id").asString());
                }
            }
            answers.put(q.get("id").asString(), right);
            points += q.get("points").asInt();
        }
        Api.Response submitted = api().postJson("/api/attempts/" + attempt + "/submit", Map.of("answers", answers), token);
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
        int score = submitted.json().get("score").asInt();

        // three more starts of U1 from this address: the fourth attempt of U1 from it goes over the threshold (3)
        List<String> later = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Api.Response r = start(id, "同址" + i, phone(), "U1-1");
            assertThat(r.status()).isEqualTo(201);
            later.add(r.json().get("attemptId").asString());
        }

        Api.Response list = admin.get("/api/admin/contests/" + id + "/signals");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).doesNotContain(fastPhone).contains(fastPhone.substring(0, 3) + "****" + fastPhone.substring(7));
        Map<String, List<String>> kinds = new HashMap<>();
        Map<String, Integer> counts = new HashMap<>();
        for (JsonNode r : list.json()) {
            List<String> k = new ArrayList<>();
            r.get("signals").forEach(s -> {
                k.add(s.get("kind").asString());
                counts.put(r.get("attemptId").asString() + s.get("kind").asString(), s.get("count").asInt());
            });
            kinds.put(r.get("attemptId").asString(), k);
        }
        assertThat(kinds.get(attempt)).containsExactlyInAnyOrder("page_hidden", "too_fast");
        assertThat(counts.get(attempt + "page_hidden")).as("the highest count reported").isEqualTo(3);
        assertThat(kinds).doesNotContainKeys(later.get(0), later.get(1));
        assertThat(kinds.get(later.get(2))).containsExactly("many_attempts_from_address");

        JsonNode ranking = api().get("/api/contests/" + id + "/ranking?limit=10").json();
        assertThat(api().get("/api/contests/" + id + "/ranking?limit=10").body()).as("SPEC §8").doesNotContain(fastPhone);
        assertThat(ranking).as("a signal never disqualifies").hasSize(1);
        for (JsonNode r : list.json()) {
            if (r.get("attemptId").asString().equals(attempt)) {
                assertThat(r.get("accuracy").asDouble()).as("the score stands").isEqualTo(submitted.json().get("accuracy").asDouble());
                assertThat(r.get("name").asString()).isEqualTo("快手");
            }
        }
        assertThat(ranking.get(0).get("accuracy").asDouble()).isEqualTo(submitted.json().get("accuracy").asDouble());
        assertThat(score).as("the paper's full points: a signal takes none off").isEqualTo(points).isPositive();
        assertThat(submitted.json().get("maxScore").asInt()).isEqualTo(points);

        WebSession page = new WebSession(api());
        page.login("admin", ADMIN_PASSWORD);
        String html = page.get("/admin/contests/" + id + "/review").body();
        assertThat(html).contains("快手").contains(">切换页面<").contains(">答题过快<").doesNotContain(fastPhone)
                .doesNotContain(">page_hidden<").doesNotContain(">too_fast<");
        assertThat(html).as("the unit by its name, its code in the title").contains("title=\"U1\">市教育局<")
                .doesNotContain(">U1<");
    }

    @Test
    default void theReviewListIsForOrganizersAdministratorsAndAuditors() {
        Api admin = api().admin();
        long id = contest(admin);
        Map<String, Integer> expected = Map.of("ORGANIZER", 200, "AUDITOR", 200, "JUDGE", 403);
        expected.forEach((role, status) -> {
            String name = role.toLowerCase() + System.nanoTime();
            assertThat(admin.postJson("/api/admin/accounts", Map.of("username", name, "role", role, "password", "password-123")).status()).isEqualTo(201);
            assertThat(admin.as(name, "password-123").get("/api/admin/contests/" + id + "/signals").status()).as(role).isEqualTo(status);
        });
        String coordinator = "coord" + System.nanoTime();
        admin.postJson("/api/admin/accounts", Map.of("username", coordinator, "role", "COORDINATOR", "password", "password-123",
                "unitContest", id, "unitCode", "U1"));
        assertThat(admin.as(coordinator, "password-123").get("/api/admin/contests/" + id + "/signals").status()).isEqualTo(403);
        assertThat(api().get("/api/admin/contests/" + id + "/signals").status()).isEqualTo(401);
    }
}
