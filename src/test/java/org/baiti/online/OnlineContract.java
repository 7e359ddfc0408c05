package org.baiti.online;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.baiti.online.OnlineFixtures.Known;
import org.baiti.testing.Api;
import org.baiti.testing.App;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** The online channel over HTTP (API.md participant API, SPEC §3 and §4), run on SQLite and PostgreSQL. */
interface OnlineContract extends App {

    private static Map<String, Object> submitBody(Map<String, List<String>> answers) {
        Map<String, Object> body = new HashMap<>();
        body.put("answers", answers);
        return body;
    }

    private static <T> List<T> all(ExecutorService pool, List<Callable<T>> tasks) throws Exception {
        List<Future<T>> futures = pool.invokeAll(tasks);
        List<T> out = new ArrayList<>();
        for (Future<T> f : futures) {
            out.add(f.get());
        }
        return out;
    }

    /** One participant of the big run: what they sent and what the server answered. */
    record Run(String name, String phone, String unit, String attemptId, String token, int expectedScore,
               int expectedMax, int score, int maxScore, double accuracy, long durationMs, Instant submittedAt,
               long thinkMs, long clientMs) {
    }

    @Test
    default void twoHundredParticipantsRankExactlyAsAnIndependentComputationFromTheirAnswersAndServerTimes()
            throws Exception {
        Map<String, Known> bank = OnlineFixtures.bank(30);
        long id = OnlineFixtures.contest(api().admin(), bank,
                Map.of("questionsPerPaper", 10, "paperMode", "RANDOM", "onlineQuota", 20));
        List<String> unitCodes = new ArrayList<>(OnlineFixtures.UNITS.keySet());
        unitCodes.sort(null);
        List<Callable<Run>> tasks = new ArrayList<>();
        for (int p = 0; p < 200; p++) {
            int n = p;
            tasks.add(() -> {
                Random random = new Random(1000 + n);
                String name = String.format("选手%03d", n);
                String phone = String.format("139%08d", 10_000 + n * 7);
                String unit = unitCodes.get(n % unitCodes.size());
                long t0 = System.nanoTime();
                Api.Response started = api().postJson("/api/contests/" + id + "/attempts",
                        OnlineFixtures.person(name, phone, unit));
                assertThat(started.status()).as(started.body()).isEqualTo(201);
                JsonNode paper = started.json();
                assertThat(paper.get("questions")).hasSize(10);
                // a per-person skill: some answer everything right, most a mix, a few nothing at all
                double skill = n % 10 == 0 ? 1.0 : random.nextDouble();
                Map<String, List<String>> answers = new LinkedHashMap<>();
                for (JsonNode q : paper.get("questions")) {
                    Known k = bank.get(q.get("id").asString());
                    assertThat(k).as("question id is a key of the bank").isNotNull();
                    if (n % 17 == 5 && random.nextBoolean()) {
                        continue; // left unanswered
                    }
                    answers.put(k.id(), OnlineFixtures.answer(q, k, random.nextDouble() < skill, random));
                }
                int[] expected = OnlineFixtures.mark(paper.get("questions"), answers, bank);
                long think = random.nextInt(6);
                Thread.sleep(think);
                Api.Response submitted = api().postJson("/api/attempts/" + paper.get("attemptId").asString() + "/submit",
                        submitBody(answers), paper.get("token").asString());
                long clientMs = (System.nanoTime() - t0) / 1_000_000 + 1;
                assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
                JsonNode r = submitted.json();
                return new Run(name, phone, OnlineFixtures.UNITS.get(unit), paper.get("attemptId").asString(),
                        paper.get("token").asString(), expected[0], expected[1], r.get("score").asInt(),
                        r.get("maxScore").asInt(), r.get("accuracy").asDouble(), r.get("durationMs").asLong(),
                        Instant.parse(r.get("submittedAt").asString()), think, clientMs);
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Run> runs;
        try {
            runs = all(pool, tasks);
        } finally {
            pool.shutdownNow();
        }

        for (Run r : runs) {
            assertThat(r.score()).as("score of %s", r.name()).isEqualTo(r.expectedScore());
            assertThat(r.maxScore()).as("max of %s", r.name()).isEqualTo(r.expectedMax());
            assertThat(r.accuracy()).isEqualTo((double) r.expectedScore() / r.expectedMax());
            // the server's interval lies inside the client's: issued after the start was sent, received before
            // the submit answered; and it contains the think time
            assertThat(r.durationMs()).isBetween(Math.max(0, r.thinkMs() - 1), r.clientMs());
        }
        List<Run> expected = new ArrayList<>(runs);
        expected.sort(Comparator.comparingDouble((Run r) -> -((double) r.expectedScore() / r.expectedMax()))
                .thenComparingLong(Run::durationMs)
                .thenComparing(Run::submittedAt)
                .thenComparing(Run::phone));
        JsonNode ranking = api().get("/api/contests/" + id + "/ranking?limit=1000").json();
        assertThat(ranking).hasSize(200);
        for (int i = 0; i < 200; i++) {
            JsonNode line = ranking.get(i);
            Run want = expected.get(i);
            assertThat(line.get("rank").asInt()).isEqualTo(i + 1);
            assertThat(line.get("name").asString()).as("rank %d", i + 1).isEqualTo(want.name());
            assertThat(line.get("unit").asString()).isEqualTo(want.unit());
            assertThat(line.get("accuracy").asDouble()).isEqualTo(want.accuracy());
            assertThat(line.get("durationMs").asLong()).isEqualTo(want.durationMs());
        }
        assertThat(runs.stream().filter(r -> r.score() == r.maxScore()).count()).as("some perfect scores").isGreaterThan(10);
        assertThat(runs.stream().map(Run::accuracy).distinct().count()).as("a spread of accuracies").isGreaterThan(10);

        // "my rank" on the result equals the place in the ranking
        for (int i = 0; i < 200; i += 7) {
            Run r = expected.get(i);
            JsonNode view = Bearer.get(api(), "/api/attempts/" + r.attemptId(), r.token()).json();
            assertThat(view.get("result").get("rank").asInt()).isEqualTo(i + 1);
        }
        // the default page is the first hundred, and never a phone number
        Api.Response first = api().get("/api/contests/" + id + "/ranking");
        assertThat(first.json()).hasSize(100);
        String body = api().get("/api/contests/" + id + "/ranking?limit=1000").body();
        assertThat(body).doesNotContain("phone");
        for (Run r : runs) {
            assertThat(body).doesNotContain(r.phone());
        }
    }

    @Test
    default void aTimeOrScoreSentByTheBrowserIsIgnoredAndCannotImproveTheRank() throws Exception {
        Map<String, Known> bank = OnlineFixtures.bank(6);
        long id = OnlineFixtures.contest(api().admin(), bank, Map.of("questionsPerPaper", 6));
        JsonNode slow = api().postJson("/api/contests/" + id + "/attempts",
                OnlineFixtures.person("慢而谎报", "13800000001", "U1")).json();
        JsonNode fast = api().postJson("/api/contests/" + id + "/attempts",
                OnlineFixtures.person("快而诚实", "13800000002", "U2")).json();
        Random random = new Random(7);
        Map<String, List<String>> slowAnswers = new LinkedHashMap<>();
        for (JsonNode q : slow.get("questions")) {
            slowAnswers.put(q.get("id").asString(), OnlineFixtures.answer(q, bank.get(q.get("id").asString()), true, random));
        }
        Map<String, List<String>> fastAnswers = new LinkedHashMap<>();
        for (JsonNode q : fast.get("questions")) {
            fastAnswers.put(q.get("id").asString(), OnlineFixtures.answer(q, bank.get(q.get("id").asString()), true, random));
        }
        clock().advance(Duration.ofMillis(50));
        Api.Response fastR = api().postJson("/api/attempts/" + fast.get("attemptId").asString() + "/submit",
                submitBody(fastAnswers), fast.get("token").asString());
        clock().advance(Duration.ofMillis(400));
        Map<String, Object> lying = submitBody(slowAnswers);
        lying.put("durationMs", 1);
        lying.put("startedAt", Instant.now().toString());
        lying.put("submittedAt", Instant.now().minusSeconds(3600).toString());
        lying.put("score", 999);
        lying.put("accuracy", 1.0);
        lying.put("timeUsed", 1);
        Api.Response slowR = api().postJson("/api/attempts/" + slow.get("attemptId").asString() + "/submit",
                lying, slow.get("token").asString());

        assertThat(slowR.status()).as(slowR.body()).isEqualTo(200);
        assertThat(slowR.json().get("durationMs").asLong()).as("the server's time, not the browser's").isGreaterThanOrEqualTo(450);
        assertThat(slowR.json().get("score").asInt()).isEqualTo(slowR.json().get("maxScore").asInt()).isLessThan(999);
        assertThat(fastR.json().get("durationMs").asLong()).isLessThan(slowR.json().get("durationMs").asLong());
        JsonNode ranking = api().get("/api/contests/" + id + "/ranking").json();
        assertThat(ranking.get(0).get("name").asString()).isEqualTo("快而诚实");
        assertThat(ranking.get(1).get("name").asString()).isEqualTo("慢而谎报");
        assertThat(ranking.get(1).get("durationMs").asLong()).isEqualTo(slowR.json().get("durationMs").asLong());
        assertThat(slowR.json().get("rank").asInt()).isEqualTo(2);
    }

    @Test
    default void theStartResponseCarriesNoKeyNoExplanationAndOptionIdsOfItsOwn() {
        Map<String, Known> bank = OnlineFixtures.bank(9);
        long id = OnlineFixtures.contest(api().admin(), bank, Map.of("questionsPerPaper", 9));
        Api.Response a = api().postJson("/api/contests/" + id + "/attempts", OnlineFixtures.person("甲", "13800000011", "U1"));
        Api.Response b = api().postJson("/api/contests/" + id + "/attempts", OnlineFixtures.person("乙", "13800000012", "U1"));
        assertThat(a.status()).as(a.body()).isEqualTo(201);
        String raw = a.body();
        assertThat(raw).doesNotContain("answer").doesNotContain("explanation").doesNotContain("correct")
                .doesNotContain("\"key\"").doesNotContain("解析").doesNotContain("category");
        JsonNode json = a.json();
        assertThat(json.get("attemptId").asString()).matches("[0-9a-f]{32}");
        assertThat(json.get("token").asString()).matches("[0-9a-f]{32}");
        assertThat(Instant.parse(json.get("expiresAt").asString())).as("the time limit (600 s) from the issue")
                .isEqualTo(Instant.parse(json.get("issuedAt").asString()).plusSeconds(600));
        Set<String> fieldNames = new HashSet<>();
        collectFieldNames(json, fieldNames);
        assertThat(fieldNames).containsExactlyInAnyOrder("attemptId", "token", "issuedAt", "expiresAt", "serverTime",
                "questions", "id", "type", "stem", "points", "options", "text", "resumeCode");
        Map<String, List<String>> idsA = new HashMap<>();
        for (JsonNode q : json.get("questions")) {
            Known k = bank.get(q.get("id").asString());
            List<String> texts = new ArrayList<>();
            List<String> ids = new ArrayList<>();
            for (JsonNode o : q.get("options")) {
                texts.add(o.get("text").asString());
                ids.add(o.get("id").asString());
                assertThat(o.get("id").asString()).matches("[0-9a-f]{6}");
            }
            assertThat(texts).containsExactlyInAnyOrderElementsOf(k.options());
            assertThat(new HashSet<>(ids)).hasSize(ids.size());
            idsA.put(k.id(), ids);
            String type = q.get("type").asString();
            assertThat(type).isIn("single", "multiple", "truefalse");
            if (type.equals("truefalse")) {
                assertThat(texts).containsExactly("对", "错");
            }
        }
        // option ids are the attempt's own: another attempt gets other ids for the same question
        int same = 0;
        int total = 0;
        for (JsonNode q : b.json().get("questions")) {
            for (JsonNode o : q.get("options")) {
                total++;
                if (idsA.get(q.get("id").asString()).contains(o.get("id").asString())) {
                    same++;
                }
            }
        }
        assertThat(same).isLessThan(total / 4);
    }

    private static void collectFieldNames(JsonNode node, Set<String> names) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                names.add(e.getKey());
                collectFieldNames(e.getValue(), names);
            }
        } else if (node.isArray()) {
            for (JsonNode n : node) {
                collectFieldNames(n, names);
            }
        }
    }

    @Test
    default void anAttemptTokenOpensItsOwnAttemptAndNoOther() {
        Map<String, Known> bank = OnlineFixtures.bank(6);
        long id = OnlineFixtures.contest(api().admin(), bank, Map.of("questionsPerPaper", 6));
        JsonNode a = api().postJson("/api/contests/" + id + "/attempts", OnlineFixtures.person("张甲", "13800000021", "U1")).json();
        JsonNode b = api().postJson("/api/contests/" + id + "/attempts", OnlineFixtures.person("李乙", "13800000022", "U2")).json();
        String aId = a.get("attemptId").asString();
        String bId = b.get("attemptId").asString();
        String aToken = a.get("token").asString();
        String bToken = b.get("token").asString();
        Map<String, List<String>> none = Map.of();

        Api.Response cross = api().postJson("/api/attempts/" + bId + "/submit", submitBody(none), aToken);
        assertThat(cross.status()).isEqualTo(403);
        assertThat(cross.json().get("error").asString()).isEqualTo("forbidden");
        assertThat(cross.body()).doesNotContain("李乙").doesNotContain("13800000022").doesNotContain("score");

        Api.Response peek = Bearer.get(api(), "/api/attempts/" + bId, aToken);
        assertThat(peek.status()).isEqualTo(403);
        assertThat(peek.body()).doesNotContain("李乙").doesNotContain("questions");

        assertThat(Bearer.get(api(), "/api/attempts/" + bId, null).status()).isEqualTo(401);
        assertThat(api().postJson("/api/attempts/" + bId + "/submit", submitBody(none)).status()).isEqualTo(401);
        String unknown = "0".repeat(32);
        assertThat(api().postJson("/api/attempts/" + unknown + "/submit", submitBody(none), aToken).status()).isEqualTo(404);
        assertThat(Bearer.get(api(), "/api/attempts/" + unknown, aToken).status()).isEqualTo(404);
        assertThat(Bearer.get(api(), "/api/attempts/../../api/admin/contests", aToken).status()).isIn(400, 401, 404);

        // B's attempt is untouched by A's tries and still takes B's own submission
        Api.Response own = api().postJson("/api/attempts/" + bId + "/submit", submitBody(none), bToken);
        assertThat(own.status()).as(own.body()).isEqualTo(200);
        assertThat(own.json().get("score").asInt()).isZero();
        JsonNode view = Bearer.get(api(), "/api/attempts/" + aId, aToken).json();
        assertThat(view.get("name").asString()).isEqualTo("张甲");
        assertThat(view.get("submitted").asBoolean()).isFalse();
        assertThat(view.get("questions")).hasSize(6);

        Api.Response ranking = api().get("/api/contests/" + id + "/ranking");
        assertThat(ranking.json()).hasSize(1);
        assertThat(ranking.body()).doesNotContain("13800000021").doesNotContain("13800000022");
        assertThat(ranking.body()).doesNotContain("phone");
    }

    @Test
    default void aSecondAttemptBySamePhoneIsRefusedEvenWhenTenStartsRace() throws Exception {
        Map<String, Known> bank = OnlineFixtures.bank(6);
        long id = OnlineFixtures.contest(api().admin(), bank, Map.of("questionsPerPaper", 6));
        CountDownLatch go = new CountDownLatch(1);
        List<Callable<Integer>> tasks = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String spelled = i % 2 == 0 ? "13800000031" : "+86 138-0000-0031";
            tasks.add(() -> {
                go.await();
                return api().postJson("/api/contests/" + id + "/attempts",
                        OnlineFixtures.person("同一人", spelled, "U1")).status();
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(10);
        List<Future<Integer>> futures = new ArrayList<>();
        try {
            for (Callable<Integer> t : tasks) {
                futures.add(pool.submit(t));
            }
            go.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : futures) {
                statuses.add(f.get());
            }
            assertThat(statuses).containsOnly(201, 409);
            assertThat(statuses.stream().filter(s -> s == 201).count()).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        Api.Response again = api().postJson("/api/contests/" + id + "/attempts",
                OnlineFixtures.person("同一人", "138 0000 0031", "U2"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("error").asString()).isEqualTo("already_attempted");
        assertThat(again.json().get("message").asString()).contains("手机号").doesNotContain("phone");
        Api.Response againEn = api().accepting("en").postJson("/api/contests/" + id + "/attempts",
                OnlineFixtures.person("同一人", "138 0000 0031", "U2"));
        assertThat(againEn.json().get("error").asString()).isEqualTo("already_attempted");
        assertThat(againEn.json().get("message").asString()).contains("phone").doesNotContain("手机号");
    }

    @Test
    default void racingSubmitsOfOneAttemptCountOnce() throws Exception {
        Map<String, Known> bank = OnlineFixtures.bank(6);
        long id = OnlineFixtures.contest(api().admin(), bank, Map.of("questionsPerPaper", 6));
        JsonNode a = api().postJson("/api/contests/" + id + "/attempts", OnlineFixtures.person("双击", "13800000041", "U1")).json();
        Random random = new Random(3);
        Map<String, List<String>> right = new LinkedHashMap<>();
        Map<String, List<String>> wrong = new LinkedHashMap<>();
        for (JsonNode q : a.get("questions")) {
            Known k = bank.get(q.get("id").asString());
            right.put(k.id(), OnlineFixtures.answer(q, k, true, random));
            wrong.put(k.id(), OnlineFixtures.answer(q, k, false, random));
        }
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Future<Api.Response>> futures = new ArrayList<>();
        try {
            for (int i = 0; i < 6; i++) {
                Map<String, List<String>> answers = i % 2 == 0 ? right : wrong;
                futures.add(pool.submit(() -> {
                    go.await();
                    return api().postJson("/api/attempts/" + a.get("attemptId").asString() + "/submit",
                            submitBody(answers), a.get("token").asString());
                }));
            }
            go.countDown();
            List<JsonNode> results = new ArrayList<>();
            for (Future<Api.Response> f : futures) {
                Api.Response r = f.get();
                assertThat(r.status()).as(r.body()).isEqualTo(200);
                results.add(r.json());
            }
            for (JsonNode r : results) {
                for (String field : List.of("score", "maxScore", "accuracy", "durationMs", "submittedAt")) {
                    assertThat(r.get(field)).as(field).isEqualTo(results.get(0).get(field));
                }
            }
            JsonNode ranking = api().get("/api/contests/" + id + "/ranking").json();
            assertThat(ranking).hasSize(1);
            assertThat(ranking.get(0).get("accuracy").asDouble()).isEqualTo(results.get(0).get("accuracy").asDouble());
            assertThat(ranking.get(0).get("durationMs").asLong()).isEqualTo(results.get(0).get("durationMs").asLong());
        } finally {
            pool.shutdownNow();
        }
        // a later submit, with other answers, still answers the stored result
        Api.Response later = api().postJson("/api/attempts/" + a.get("attemptId").asString() + "/submit",
                submitBody(right), a.get("token").asString());
        JsonNode view = Bearer.get(api(), "/api/attempts/" + a.get("attemptId").asString(), a.get("token").asString()).json();
        assertThat(later.json().get("score")).isEqualTo(view.get("result").get("score"));
        assertThat(later.json().get("submittedAt")).isEqualTo(view.get("result").get("submittedAt"));
    }

    @Test
    default void badStartsAndBadAnswersAreRefusedWithEveryProblemListedAndNothingStored() {
        Map<String, Known> bank = OnlineFixtures.bank(6);
        long id = OnlineFixtures.contest(api().admin(), bank, Map.of("questionsPerPaper", 6));
        Api.Response bad = api().postJson("/api/contests/" + id + "/attempts", OnlineFixtures.person(" ", "12345", "NOPE"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("error").asString()).isEqualTo("invalid_field");
        List<String> fields = new ArrayList<>();
        bad.json().get("details").forEach(d -> fields.add(d.get("field").asString()));
        assertThat(fields).containsExactly("name", "phone", "unit");
        assertThat(api().postJson("/api/contests/" + id + "/attempts",
                OnlineFixtures.person("名".repeat(51), "13800000051", "U1")).status()).isEqualTo(400);
        assertThat(api().postJson("/api/contests/" + id + "/attempts", "{not json").status()).isEqualTo(400);
        assertThat(api().postJson("/api/contests/987654321/attempts",
                OnlineFixtures.person("某人", "13800000051", "U1")).status()).isEqualTo(404);

        JsonNode a = api().postJson("/api/contests/" + id + "/attempts", OnlineFixtures.person("某人", "13800000051", "U1")).json();
        String aid = a.get("attemptId").asString();
        String token = a.get("token").asString();
        JsonNode single = null;
        for (JsonNode q : a.get("questions")) {
            if (q.get("type").asString().equals("single")) {
                single = q;
            }
        }
        Map<String, List<String>> answers = new LinkedHashMap<>();
        answers.put("NO-SUCH-Q", List.of("abcdef"));
        answers.put(single.get("id").asString(), List.of("zzzzzz"));
        Api.Response wrongIds = api().postJson("/api/attempts/" + aid + "/submit", submitBody(answers), token);
        assertThat(wrongIds.status()).isEqualTo(400);
        assertThat(wrongIds.json().get("error").asString()).isEqualTo("invalid_answers");
        assertThat(wrongIds.json().get("details")).hasSize(2);
        assertThat(wrongIds.body()).contains("NO-SUCH-Q").contains("zzzzzz");
        assertThat(wrongIds.json().get("message").asString()).isEqualTo("答案中有本答卷没有的题目或选项");
        List<String> problems = new java.util.ArrayList<>();
        wrongIds.json().get("details").forEach(d -> problems.add(d.get("reason").asString()));
        assertThat(problems).containsExactlyInAnyOrder("本答卷没有这道题", "这道题没有这个选项");

        Map<String, List<String>> two = Map.of(single.get("id").asString(),
                List.of(single.get("options").get(0).get("id").asString(), single.get("options").get(1).get("id").asString()));
        assertThat(api().postJson("/api/attempts/" + aid + "/submit", submitBody(two), token).status()).isEqualTo(400);
        assertThat(api().postJson("/api/attempts/" + aid + "/submit", "{\"answers\": [1, 2]}", token).status()).isEqualTo(400);
        assertThat(api().postJson("/api/attempts/" + aid + "/submit", "{}", token).status()).isEqualTo(400);
        assertThat(Bearer.get(api(), "/api/attempts/" + aid, token).json().get("submitted").asBoolean()).isFalse();
        assertThat(api().get("/api/contests/" + id + "/ranking").json()).isEmpty();

        Api.Response fine = api().postJson("/api/attempts/" + aid + "/submit", submitBody(Map.of()), token);
        assertThat(fine.status()).as(fine.body()).isEqualTo(200);
        assertThat(fine.json().get("score").asInt()).isZero();
        assertThat(fine.json().get("maxScore").asInt()).isEqualTo(8);
    }

    @Test
    default void aContestNotOpenOrWithoutQuestionsRefusesToStartWithAClearMessage() {
        Map<String, Known> bank = OnlineFixtures.bank(6);
        long later = OnlineFixtures.contest(api().admin(), bank, Map.of(
                "opensAt", Instant.now().plusSeconds(3600).toString(),
                "closesAt", Instant.now().plusSeconds(7200).toString()));
        Api.Response r = api().postJson("/api/contests/" + later + "/attempts", OnlineFixtures.person("早到", "13800000061", "U1"));
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.json().get("error").asString()).isEqualTo("not_open");
        assertThat(r.json().get("message").asString()).contains("尚未开始").doesNotContain("opens at");
        assertThat(api().accepting("en").postJson("/api/contests/" + later + "/attempts",
                OnlineFixtures.person("早到", "13800000061", "U1")).json().get("message").asString())
                .contains("opens at").doesNotContain("尚未开始");
        JsonNode info = api().get("/api/contests/" + later).json();
        assertThat(info.get("open").asBoolean()).isFalse();
        assertThat(info.get("questionsPerPaper").asInt()).isEqualTo(5);

        long over = OnlineFixtures.contest(api().admin(), bank, Map.of(
                "opensAt", Instant.now().minusSeconds(7200).toString(),
                "closesAt", Instant.now().minusSeconds(3600).toString()));
        Api.Response closed = api().postJson("/api/contests/" + over + "/attempts", OnlineFixtures.person("迟到", "13800000061", "U1"));
        assertThat(closed.status()).isEqualTo(409);
        assertThat(closed.json().get("message").asString()).contains("已于").doesNotContain("closed at");
        assertThat(api().accepting("en").postJson("/api/contests/" + over + "/attempts",
                OnlineFixtures.person("迟到", "13800000061", "U1")).json().get("message").asString())
                .contains("closed at").doesNotContain("已于");

        long empty = OnlineFixtures.contest(api().admin(), Map.of(), Map.of());
        Api.Response none = api().postJson("/api/contests/" + empty + "/attempts", OnlineFixtures.person("某人", "13800000061", "U1"));
        assertThat(none.status()).isEqualTo(409);
        assertThat(none.json().get("error").asString()).isEqualTo("empty_bank");
        assertThat(api().get("/api/contests/" + empty).json().get("open").asBoolean()).isTrue();
        assertThat(api().get("/api/contests/424242").status()).isEqualTo(404);
        assertThat(api().get("/api/contests/424242/ranking").status()).isEqualTo(404);
    }

    @Test
    default void papersFollowTheContestsModeAndShuffleOptionsPerAttempt() {
        Map<String, Known> bank = OnlineFixtures.bank(20);
        List<String> bankOrder = new ArrayList<>(bank.keySet());
        long fixed = OnlineFixtures.contest(api().admin(), bank, Map.of("questionsPerPaper", 8, "paperMode", "FIXED"));
        Set<String> orders = new HashSet<>();
        for (int i = 0; i < 6; i++) {
            JsonNode p = api().postJson("/api/contests/" + fixed + "/attempts",
                    OnlineFixtures.person("固定" + i, "1370000007" + i, "U1")).json();
            List<String> keys = new ArrayList<>();
            p.get("questions").forEach(q -> keys.add(q.get("id").asString()));
            assertThat(keys).containsExactlyElementsOf(bankOrder.subList(0, 8));
            StringBuilder order = new StringBuilder();
            p.get("questions").get(1).get("options").forEach(o -> order.append(o.get("text").asString()).append('|'));
            orders.add(order.toString());
        }
        assertThat(orders).as("the options of a 5-option question are shuffled per attempt").hasSizeGreaterThan(1);

        long byCategory = OnlineFixtures.contest(api().admin(), bank, Map.of("questionsPerPaper", 7, "paperMode", "CATEGORY"));
        Map<String, Integer> sizes = new HashMap<>();
        bank.values().forEach(k -> sizes.merge(k.category(), 1, Integer::sum));
        // 20 questions: 应急常识 7, 火灾预防 7, 野外用火 6 -> 7 seats: 2.45, 2.45, 2.1 -> 2, 2, 2 + one for 应急常识 (first met)
        assertThat(sizes).containsEntry("应急常识", 7).containsEntry("火灾预防", 7).containsEntry("野外用火", 6);
        Set<String> papers = new HashSet<>();
        for (int i = 0; i < 5; i++) {
            JsonNode p = api().postJson("/api/contests/" + byCategory + "/attempts",
                    OnlineFixtures.person("分类" + i, "1360000008" + i, "U2")).json();
            Map<String, Integer> counts = new HashMap<>();
            List<Integer> positions = new ArrayList<>();
            p.get("questions").forEach(q -> {
                counts.merge(bank.get(q.get("id").asString()).category(), 1, Integer::sum);
                positions.add(bankOrder.indexOf(q.get("id").asString()));
            });
            assertThat(counts).isEqualTo(Map.of("应急常识", 3, "火灾预防", 2, "野外用火", 2));
            assertThat(positions).as("shown in bank order").isSorted();
            papers.add(positions.toString());
        }
        assertThat(papers).as("drawn at random per attempt").hasSizeGreaterThan(1);

        long small = OnlineFixtures.contest(api().admin(), OnlineFixtures.bank(3), Map.of("questionsPerPaper", 10, "paperMode", "RANDOM"));
        JsonNode all = api().postJson("/api/contests/" + small + "/attempts", OnlineFixtures.person("少", "13500000090", "U1")).json();
        assertThat(all.get("questions")).as("a bank smaller than a paper gives all it has").hasSize(3);
    }

    @Test
    default void withSeveralAttemptsAllowedTheBestOneCounts() {
        Map<String, Known> bank = OnlineFixtures.bank(6);
        long id = OnlineFixtures.contest(api().admin(), bank, Map.of("questionsPerPaper", 6, "attemptsAllowed", 3));
        Random random = new Random(11);
        List<JsonNode> results = new ArrayList<>();
        boolean[][] plan = {{true, false, false, false, false, false}, {true, true, true, true, true, true},
                {true, true, false, false, false, false}};
        for (boolean[] rights : plan) {
            JsonNode a = api().postJson("/api/contests/" + id + "/attempts", OnlineFixtures.person("多次", "13700000101", "U1")).json();
            Map<String, List<String>> answers = new LinkedHashMap<>();
            int i = 0;
            for (JsonNode q : a.get("questions")) {
                Known k = bank.get(q.get("id").asString());
                answers.put(k.id(), OnlineFixtures.answer(q, k, rights[i++], random));
            }
            Api.Response r = api().postJson("/api/attempts/" + a.get("attemptId").asString() + "/submit",
                    submitBody(answers), a.get("token").asString());
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            results.add(r.json());
        }
        assertThat(results.get(0).get("counted").asBoolean()).isTrue();
        assertThat(results.get(1).get("counted").asBoolean()).isTrue();
        assertThat(results.get(2).get("counted").asBoolean()).isFalse();
        assertThat(results.get(2).get("message").asString()).contains("最好");
        assertThat(results.get(2).get("rank").asInt()).isEqualTo(1);
        JsonNode ranking = api().get("/api/contests/" + id + "/ranking").json();
        assertThat(ranking).hasSize(1);
        assertThat(ranking.get(0).get("accuracy").asDouble()).isEqualTo(1.0);
        assertThat(ranking.get(0).get("durationMs").asLong()).isEqualTo(results.get(1).get("durationMs").asLong());
        Api.Response fourth = api().postJson("/api/contests/" + id + "/attempts", OnlineFixtures.person("多次", "13700000101", "U1"));
        assertThat(fourth.status()).isEqualTo(409);
        assertThat(fourth.json().get("message").asString()).contains("3");
    }

    @Test
    default void theParticipantApiIsInTheOpenApiDescription() {
        Api.Response docs = api().get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.body()).contains("/api/contests/{id}/attempts").contains("/api/attempts/{attemptId}/submit")
                .contains("/api/attempts/{attemptId}").contains("/api/contests/{id}/ranking");
    }
}
