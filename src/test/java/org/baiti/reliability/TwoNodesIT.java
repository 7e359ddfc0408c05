package org.baiti.reliability;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.baiti.verify.VerifyDraw;
import org.baiti.testing.Api;
import org.baiti.testing.BaitiProcess;
import org.baiti.testing.EnabledIfPostgres;
import org.baiti.testing.Fixtures;
import org.baiti.testing.Postgres;
import org.baiti.testing.WebSession;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two Baiti processes on one PostgreSQL, as behind a load balancer without sticky sessions: an attempt started on
 * one node is submitted on the other; a staff page session (login, CSRF token) made on one node works on the other;
 * an offline import started from the page on one node is polled to the end on the other; one node is killed with
 * SIGKILL under submissions spread over both, and every acknowledged submission is stored once with its score; a
 * draw committed on one node and revealed on the other reads the same everywhere, as do ranking and statistics.
 */
@EnabledIfPostgres
class TwoNodesIT {

    static final String PASSWORD = "two-nodes-pw";
    /** All right on the fixture paper (first 5 questions of {@code Fixtures.bank()}). */
    static final String PERFECT = "A|ACD|错|B|对";
    static final int OFFLINE_ROWS = 300;

    @Test
    void nodesShareEverythingARequestNeedsAndSurviveAKill() throws Exception {
        String url = Postgres.freshSchemaUrl();
        BaitiProcess a = node(url);
        BaitiProcess b = null;
        try {
            a.awaitHealthy(Duration.ofSeconds(300));
            // The second node starts on a migrated database: Flyway finds nothing to do.
            b = node(url);
            b.awaitHealthy(Duration.ofSeconds(300));
            Api nodeA = new Api(a.port());
            Api nodeB = new Api(b.port());
            long id = Fixtures.contest(nodeA.as("admin", PASSWORD), Map.of("questionsPerPaper", 5));
            assertThat(nodeB.as("admin", PASSWORD).upload("/api/admin/contests/" + id + "/units", "u.csv", Fixtures.csv(Fixtures.units())).status()).isEqualTo(200);
            assertThat(nodeA.as("admin", PASSWORD).upload("/api/admin/contests/" + id + "/bank", "b.csv", Fixtures.csv(Fixtures.bank())).status()).isEqualTo(200);

            attemptsMoveBetweenNodes(id, nodeA, nodeB);
            WebSession web = pageSessionIsSharedBetweenNodes(nodeA, nodeB);
            int perfect = offlineImportStartedOnOneNodeIsPolledOnTheOther(id, web, nodeA, nodeB);

            // Submissions spread over both nodes; node B dies in the middle.
            List<CrashDurabilityIT.Acked> acked = loadAndKill(id, nodeA, nodeB, b);
            b = node(url); // B comes back (while A is checked)
            CrashDurabilityIT.verify(nodeA, acked);
            b.awaitHealthy(Duration.ofSeconds(300));
            nodeB = new Api(b.port());
            CrashDurabilityIT.verify(nodeB, acked);
            JsonNode ranking = nodeA.get("/api/contests/" + id + "/ranking?limit=1000").json();
            assertThat(ranking.size()).as("the ranking holds every participant").isLessThan(1000);
            Map<String, Integer> counted = new HashMap<>();
            ranking.forEach(r -> counted.merge(r.get("name").asString(), 1, Integer::sum));
            for (CrashDurabilityIT.Acked x : acked) {
                assertThat(counted.get(x.name())).as("acknowledged submission of %s counted exactly once", x.name()).isEqualTo(1);
            }
            assertThat(counted.values()).allMatch(n -> n == 1);
            JsonNode statistics = nodeA.as("admin", PASSWORD).get("/api/admin/contests/" + id + "/statistics").json();
            assertThat(statistics.get("onlineParticipants").asLong()).isGreaterThanOrEqualTo(acked.size() + 40);
            System.out.println("two nodes: " + acked.size() + " acknowledged submissions checked after a SIGKILL of one node");

            // The page session outlived the node it was not made on, and works on the restarted one.
            assertThat(web.on(nodeB).get("/admin").status()).as("still signed in on the restarted node").isEqualTo(200);

            drawOnOneNodeReadsTheSameOnTheOther(id, perfect, nodeA, nodeB);

            assertThat(nodeA.get("/api/contests/" + id + "/ranking?limit=1000").body())
                    .isEqualTo(nodeB.get("/api/contests/" + id + "/ranking?limit=1000").body());
            assertThat(nodeA.as("admin", PASSWORD).get("/api/admin/contests/" + id + "/statistics").body())
                    .isEqualTo(nodeB.as("admin", PASSWORD).get("/api/admin/contests/" + id + "/statistics").body());
            assertThat(nodeA.as("admin", PASSWORD).get("/api/admin/contests/" + id + "/offline-results/summary").body())
                    .isEqualTo(nodeB.as("admin", PASSWORD).get("/api/admin/contests/" + id + "/offline-results/summary").body());
        } finally {
            if (b != null) {
                b.close();
            }
            a.close();
        }
    }

    /** A Baiti process on the PostgreSQL at {@code url}, its administrator's password {@link #PASSWORD}. */
    static BaitiProcess node(String url) {
        return BaitiProcess.start(BaitiProcess.freePort(), Map.of("BAITI_ADMIN_PASSWORD", PASSWORD),
                "--spring.datasource.url=" + url, "--baiti.demo=false");
    }

    /** 40 attempts, each started on one node and submitted on the other, then read back on the first. */
    private static void attemptsMoveBetweenNodes(long id, Api nodeA, Api nodeB) {
        Random random = new Random(9);
        for (int i = 0; i < 40; i++) {
            Api starter = i % 2 == 0 ? nodeA : nodeB;
            Api submitter = i % 2 == 0 ? nodeB : nodeA;
            JsonNode paper = starter.postJson("/api/contests/" + id + "/attempts",
                    Map.of("name", "两节点" + i, "phone", "1360000" + String.format("%04d", i), "unit", "U2")).json();
            Api.Response r = submitter.postJson("/api/attempts/" + paper.get("attemptId").asString() + "/submit",
                    Map.of("answers", answers(paper, random)), paper.get("token").asString());
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            assertThat(starter.get("/api/attempts/" + paper.get("attemptId").asString(), paper.get("token").asString())
                    .json().get("result").get("score").asInt()).isEqualTo(r.json().get("score").asInt());
        }
        String rankingA = nodeA.get("/api/contests/" + id + "/ranking?limit=100").body();
        assertThat(rankingA).isEqualTo(nodeB.get("/api/contests/" + id + "/ranking?limit=100").body());
        assertThat(nodeA.get("/api/contests/" + id + "/ranking?limit=100").json()).hasSize(40);
    }

    /** Signed in on A; the same cookie on B is signed in, and a CSRF token from A's page is good for a form on B. */
    private static WebSession pageSessionIsSharedBetweenNodes(Api nodeA, Api nodeB) {
        WebSession onA = new WebSession(nodeA);
        WebSession.Page login = onA.login("admin", PASSWORD);
        assertThat(login.status()).isEqualTo(302);
        assertThat(login.location()).endsWith("/admin");
        WebSession onB = onA.on(nodeB);
        WebSession.Page adminOnB = onB.get("/admin");
        assertThat(adminOnB.status()).as("signed in on A, the page on B needs no new login").isEqualTo(200);

        String token = onA.get("/admin").csrf();
        String name = "第二节点创建 " + System.nanoTime();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("name", name);
        form.put("questionsPerPaper", "5");
        form.put("timeLimitMinutes", "10");
        form.put("opensAt", "2030-01-01T08:00");
        form.put("closesAt", "2030-01-02T08:00");
        assertThat(onB.post("/admin/contests", form).status()).as("no CSRF token").isEqualTo(403);
        form.put("_csrf", token);
        WebSession.Page created = onB.post("/admin/contests", form);
        assertThat(created.status()).as("the token of A's page is good on B").isEqualTo(302);
        assertThat(created.location()).doesNotContain("/login");
        assertThat(nodeA.as("admin", PASSWORD).get("/api/admin/contests").body()).contains(name);
        // A browser with no session is still sent to the login page by either node.
        assertThat(new WebSession(nodeB).get("/admin").location()).endsWith("/login");
        return onA;
    }

    /** The page upload on A runs the import there; B answers the page's progress poll and shows the outcome. */
    private static int offlineImportStartedOnOneNodeIsPolledOnTheOther(long id, WebSession web, Api nodeA, Api nodeB)
            throws InterruptedException {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("准考证号", "姓名", "手机号", "单位编码", "得分", "答案", "考场"));
        String[] units = {"U1", "U1-1", "U1-1-1", "U2", "U2-1"};
        int perfect = 0;
        for (int i = 1; i <= OFFLINE_ROWS; i++) {
            boolean all = i % 4 != 0;
            perfect += all ? 1 : 0;
            rows.add(List.of("T" + String.format("%05d", i), "线下" + i, "137" + String.format("%08d", i),
                    units[i % units.length], "", all ? PERFECT : "B|A|对|A|错", "第一考场"));
        }
        WebSession onB = web.on(nodeB);
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("_csrf", onB.get("/admin/contests/" + id + "/offline").csrf());
        WebSession.Page started = web.upload("/admin/contests/" + id + "/offline", fields, "两节点线下.csv", Fixtures.csv(rows));
        assertThat(started.status()).as(started.body()).isEqualTo(302);
        String job = started.location().replaceAll(".*job=", "");
        JsonNode status = null;
        for (int i = 0; i < 1200; i++) {
            WebSession.Page poll = onB.get("/admin/contests/" + id + "/offline/jobs/" + job);
            assertThat(poll.status()).as("B knows the job A runs: " + poll.body()).isEqualTo(200);
            status = Api.JSON.readTree(poll.body());
            if (status.get("done").asBoolean()) {
                break;
            }
            Thread.sleep(100);
        }
        assertThat(status.get("phase").asString()).as(status.toString()).isEqualTo("done");
        assertThat(status.get("result").get("added").asInt()).isEqualTo(OFFLINE_ROWS);
        assertThat(nodeB.as("admin", PASSWORD).get("/api/admin/imports/" + job).json().get("result").get("imported").asInt())
                .isEqualTo(OFFLINE_ROWS);
        assertThat(onB.get("/admin/contests/" + id + "/offline?job=" + job).body()).contains("导入成功");
        return perfect;
    }

    /**
     * 8 clients, each starting attempts on one node and submitting on either; node B is killed with SIGKILL 1.5–3.5 s
     * in, the clients go on for a second against what is left. Returns what was acknowledged with 200.
     */
    private static List<CrashDurabilityIT.Acked> loadAndKill(long id, Api nodeA, Api nodeB, BaitiProcess b) throws Exception {
        ConcurrentLinkedQueue<CrashDurabilityIT.Acked> acked = new ConcurrentLinkedQueue<>();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger names = new AtomicInteger();
        AtomicInteger ackedByB = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(8);
        for (int t = 0; t < 8; t++) {
            int client = t;
            clients.submit(() -> {
                while (!stop.get() && acked.size() < 400) {
                    ThreadLocalRandom random = ThreadLocalRandom.current();
                    Api starter = client % 2 == 0 ? nodeA : nodeB;
                    Api submitter = random.nextBoolean() ? nodeA : nodeB;
                    String name = "负载" + names.incrementAndGet();
                    try {
                        String phone = "13" + (5 + random.nextInt(5)) + String.format("%08d", random.nextInt(100_000_000));
                        Api.Response start = starter.postJson("/api/contests/" + id + "/attempts",
                                Map.of("name", name, "phone", phone, "unit", "U1"));
                        if (start.status() != 201) {
                            continue;
                        }
                        JsonNode paper = start.json();
                        Api.Response r = submitter.postJson("/api/attempts/" + paper.get("attemptId").asString() + "/submit",
                                Map.of("answers", answers(paper, new Random(random.nextLong()))), paper.get("token").asString());
                        if (r.status() == 200) {
                            acked.add(new CrashDurabilityIT.Acked(paper.get("attemptId").asString(), paper.get("token").asString(),
                                    name, r.json().get("score").asInt(), r.json().get("durationMs").asLong()));
                            if (submitter == nodeB) {
                                ackedByB.incrementAndGet();
                            }
                        }
                    } catch (RuntimeException e) {
                        failed.incrementAndGet(); // node B died under this request: that is the point
                    }
                }
            });
        }
        Thread.sleep(1500 + new Random().nextInt(2000));
        b.kill();
        int atKill = acked.size();
        Thread.sleep(1000);
        stop.set(true);
        clients.shutdown();
        assertThat(clients.awaitTermination(120, TimeUnit.SECONDS)).isTrue();
        System.out.println("two nodes: " + acked.size() + " acknowledged (" + ackedByB.get() + " by node B, " + atKill
                + " before its SIGKILL), " + failed.get() + " requests failed with the node");
        assertThat(acked).as("the test must have submitted something").isNotEmpty();
        return new ArrayList<>(acked);
    }

    /** Committed on B, revealed on A: the sealed record, its seed, commitment and winners are the same on both nodes. */
    private static void drawOnOneNodeReadsTheSameOnTheOther(long id, int perfect, Api nodeA, Api nodeB) {
        Api.Response commit = nodeB.as("admin", PASSWORD).postJson("/api/admin/contests/" + id + "/draws", Map.of(
                "name", "两节点抽奖", "k", 20, "pool", "offline-perfect", "seedSources", "现场掷骰 3 次 / three dice on stage"));
        assertThat(commit.status()).as(commit.body()).isEqualTo(201);
        long drawId = commit.json().get("id").asLong();
        assertThat(commit.json().get("n").asInt()).isEqualTo(perfect);
        Api.Response committedOnA = nodeA.get("/api/draws/" + drawId);
        assertThat(committedOnA.json().get("poolDigest").asString()).isEqualTo(commit.json().get("poolDigest").asString());

        Api.Response reveal = nodeA.as("admin", PASSWORD).postJson("/api/admin/draws/" + drawId + "/reveal",
                Map.of("seed", List.of("3 5 1", "两节点")));
        assertThat(reveal.status()).as(reveal.body()).isEqualTo(200);
        Api.Response again = nodeB.as("admin", PASSWORD).postJson("/api/admin/draws/" + drawId + "/reveal",
                Map.of("seed", List.of("6 6 6")));
        assertThat(again.status()).as("sealed on A is sealed for B").isEqualTo(409);

        String onA = nodeA.get("/api/draws/" + drawId).body();
        String onB = nodeB.get("/api/draws/" + drawId).body();
        assertThat(onB).isEqualTo(onA).isEqualTo(reveal.body());
        JsonNode record = Api.JSON.readTree(onB);
        assertThat(record.get("status").asString()).isEqualTo("SEALED");
        assertThat(record.get("winners")).hasSize(20);
        assertThat(VerifyDraw.problems(onB)).isEmpty();
        assertThat(nodeA.get("/api/draws/" + drawId + "/summary").body()).isEqualTo(nodeB.get("/api/draws/" + drawId + "/summary").body());
        assertThat(nodeA.get("/api/contests/" + id + "/draws").body()).isEqualTo(nodeB.get("/api/contests/" + id + "/draws").body());
    }

    static Map<String, List<String>> answers(JsonNode paper, Random random) {
        Map<String, List<String>> answers = new LinkedHashMap<>();
        for (JsonNode q : paper.get("questions")) {
            JsonNode options = q.get("options");
            answers.put(q.get("id").asString(), List.of(options.get(random.nextInt(options.size())).get("id").asString()));
        }
        return answers;
    }
}
