package org.baiti.reliability;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.baiti.testing.Api;
import org.baiti.testing.BaitiProcess;
import org.baiti.testing.EnabledIfPostgres;
import org.baiti.testing.Fixtures;
import org.baiti.testing.Postgres;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No acknowledged answer is lost: Baiti runs as its own process, clients submit at full speed, the process
 * is killed with SIGKILL at a random moment, restarted, and every submission that had been answered 200 must
 * be there with its score and duration, and counted once. Three kills per database.
 */
class CrashDurabilityIT {

    static final String PASSWORD = "crash-it-pw";
    static final int KILLS = 3;

    record Acked(String attemptId, String token, String name, int score, long durationMs) {
    }

    @Test
    void sqliteLosesNoAcknowledgedSubmissionAcrossKills() throws Exception {
        Path dir = Files.createTempDirectory("baiti-crash-");
        run("sqlite", "--baiti.data-dir=" + dir);
    }

    @Test
    @EnabledIfPostgres
    void postgresqlLosesNoAcknowledgedSubmissionAcrossKills() throws Exception {
        run("postgresql", "--spring.datasource.url=" + Postgres.freshSchemaUrl());
    }

    private void run(String db, String dbArg) throws Exception {
        Random random = new Random();
        List<Acked> acked = new ArrayList<>();
        long contestId = -1;
        AtomicInteger names = new AtomicInteger();
        for (int round = 0; round < KILLS; round++) {
            int port = BaitiProcess.freePort();
            BaitiProcess p = BaitiProcess.start(port, Map.of("BAITI_ADMIN_PASSWORD", PASSWORD), dbArg, "--baiti.demo=false");
            try {
                p.awaitHealthy(Duration.ofSeconds(300));
                Api api = new Api(port);
                if (contestId < 0) {
                    contestId = Fixtures.contest(api.as("admin", PASSWORD), Map.of("questionsPerPaper", 5));
                    api.as("admin", PASSWORD).upload("/api/admin/contests/" + contestId + "/units", "u.csv", Fixtures.csv(Fixtures.units()));
                    api.as("admin", PASSWORD).upload("/api/admin/contests/" + contestId + "/bank", "b.csv", Fixtures.csv(Fixtures.bank()));
                }
                // What was acknowledged before the last kill is all there after the restart.
                verify(api, acked);
                ConcurrentLinkedQueue<Acked> roundAcked = new ConcurrentLinkedQueue<>();
                AtomicBoolean stop = new AtomicBoolean();
                ExecutorService clients = Executors.newFixedThreadPool(8);
                long cid = contestId;
                for (int t = 0; t < 8; t++) {
                    clients.submit(() -> {
                        while (!stop.get() && roundAcked.size() < 250) {
                            try {
                                submitOne(api, cid, "崩溃测试" + names.incrementAndGet(), random, roundAcked);
                            } catch (RuntimeException e) {
                                // the server died under us: that is the point of the test
                            }
                        }
                    });
                }
                Thread.sleep(1500 + random.nextInt(2500));
                p.kill();
                stop.set(true);
                clients.shutdown();
                assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
                acked.addAll(roundAcked);
                System.out.println(db + " round " + (round + 1) + ": " + roundAcked.size() + " acknowledged before SIGKILL");
            } finally {
                p.kill();
            }
        }
        int port = BaitiProcess.freePort();
        try (BaitiProcess p = BaitiProcess.start(port, Map.of("BAITI_ADMIN_PASSWORD", PASSWORD), dbArg, "--baiti.demo=false")) {
            p.awaitHealthy(Duration.ofSeconds(300));
            Api api = new Api(port);
            verify(api, acked);
            JsonNode stats = api.as("admin", PASSWORD).get("/api/admin/contests/" + contestId + "/statistics").json();
            assertThat(stats.get("onlineParticipants").asLong()).isGreaterThanOrEqualTo(acked.size());
            JsonNode ranking = api.get("/api/contests/" + contestId + "/ranking?limit=1000").json();
            Set<String> seen = new HashSet<>();
            ranking.forEach(r -> assertThat(seen.add(r.get("name").asString())).as("counted once: " + r).isTrue());
            if (ranking.size() < 1000) {
                for (Acked a : acked) {
                    assertThat(seen).contains(a.name());
                }
            }
            System.out.println(db + ": " + acked.size() + " acknowledged submissions checked across " + KILLS + " kills");
        }
        assertThat(acked).as("the test must have submitted something").isNotEmpty();
    }

    static void verify(Api api, List<Acked> acked) {
        for (Acked a : acked) {
            Api.Response r = api.get("/api/attempts/" + a.attemptId(), a.token());
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            JsonNode result = r.json().get("result");
            assertThat(result).as("acknowledged submission %s is stored", a.attemptId()).isNotNull();
            assertThat(result.get("score").asInt()).isEqualTo(a.score());
            assertThat(result.get("durationMs").asLong()).isEqualTo(a.durationMs());
        }
    }

    static void submitOne(Api api, long contestId, String name, Random random, ConcurrentLinkedQueue<Acked> out) {
        String phone = "13" + (5 + random.nextInt(5)) + String.format("%08d", random.nextInt(100_000_000));
        Api.Response start = api.postJson("/api/contests/" + contestId + "/attempts", Map.of("name", name, "phone", phone, "unit", "U1"));
        if (start.status() != 201) {
            return;
        }
        JsonNode paper = start.json();
        Map<String, List<String>> answers = new java.util.LinkedHashMap<>();
        for (JsonNode q : paper.get("questions")) {
            JsonNode options = q.get("options");
            answers.put(q.get("id").asString(), List.of(options.get(random.nextInt(options.size())).get("id").asString()));
        }
        Api.Response r = api.postJson("/api/attempts/" + paper.get("attemptId").asString() + "/submit",
                Map.of("answers", answers), paper.get("token").asString());
        if (r.status() == 200) {
            JsonNode j = r.json();
            out.add(new Acked(paper.get("attemptId").asString(), paper.get("token").asString(), name,
                    j.get("score").asInt(), j.get("durationMs").asLong()));
        }
    }
}
