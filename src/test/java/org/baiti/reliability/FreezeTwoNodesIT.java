package org.baiti.reliability;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.baiti.testing.Api;
import org.baiti.testing.BaitiProcess;
import org.baiti.testing.EnabledIfPostgres;
import org.baiti.testing.Fixtures;
import org.baiti.testing.Postgres;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A freeze holds on every node (SPEC: nothing that feeds an award may change after it). Two Baiti processes on one
 * PostgreSQL; participants submit through node B while the organizer freezes through node A. Every submission sent
 * after the freeze answered is refused, although B keeps a copy of the contest in memory for a second; every
 * submission B accepted is counted, and nothing else is; an import through B after the freeze is refused too.
 */
@EnabledIfPostgres
class FreezeTwoNodesIT {

    static final String PASSWORD = TwoNodesIT.PASSWORD;
    static final int ATTEMPTS = 400;

    /** One submission as the participant saw it: when it was sent and what it answered. */
    record Sent(long sentAt, int status, String body) {
    }

    @Test
    void nothingIsAcceptedThroughAnotherNodeAfterTheFreezeAnswered() throws Exception {
        String url = Postgres.freshSchemaUrl();
        BaitiProcess a = TwoNodesIT.node(url);
        BaitiProcess b = null;
        try {
            a.awaitHealthy(Duration.ofSeconds(300));
            b = TwoNodesIT.node(url);
            b.awaitHealthy(Duration.ofSeconds(300));
            Api adminA = new Api(a.port()).as("admin", PASSWORD);
            Api nodeB = new Api(b.port());
            long id = Fixtures.contest(adminA, Map.of("questionsPerPaper", 5));
            assertThat(adminA.upload("/api/admin/contests/" + id + "/units", "u.csv", Fixtures.csv(Fixtures.units())).status()).isEqualTo(200);
            assertThat(adminA.upload("/api/admin/contests/" + id + "/bank", "b.csv", Fixtures.csv(Fixtures.bank())).status()).isEqualTo(200);

            // Papers issued through B before anything is submitted.
            Random random = new Random(18);
            List<JsonNode> papers = new ArrayList<>();
            for (int i = 0; i < ATTEMPTS; i++) {
                Api.Response r = nodeB.postJson("/api/contests/" + id + "/attempts",
                        Map.of("name", "冻结" + i, "phone", "1371" + String.format("%07d", i), "unit", "U1"));
                assertThat(r.status()).as(r.body()).isEqualTo(201);
                papers.add(r.json());
            }

            // Submissions through B on four threads; the freeze through A once a quarter of them answered.
            ConcurrentLinkedQueue<Sent> sent = new ConcurrentLinkedQueue<>();
            AtomicInteger next = new AtomicInteger();
            AtomicInteger answered = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(4);
            for (int t = 0; t < 4; t++) {
                pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < ATTEMPTS; i = next.getAndIncrement()) {
                        JsonNode paper = papers.get(i);
                        long at = System.nanoTime();
                        Api.Response r = nodeB.postJson("/api/attempts/" + paper.get("attemptId").asString() + "/submit",
                                Map.of("answers", TwoNodesIT.answers(paper, new Random(i))), paper.get("token").asString());
                        sent.add(new Sent(at, r.status(), r.body()));
                        answered.incrementAndGet();
                    }
                    return null;
                });
            }
            while (answered.get() < ATTEMPTS / 4) {
                Thread.sleep(5);
            }
            AtomicLong frozenAnswered = new AtomicLong();
            Api.Response freeze = adminA.postJson("/api/admin/contests/" + id + "/freeze", Map.of());
            frozenAnswered.set(System.nanoTime());
            assertThat(freeze.status()).as(freeze.body()).isEqualTo(200);
            Api.Response lateImport = new Api(b.port()).as("admin", PASSWORD)
                    .upload("/api/admin/contests/" + id + "/units", "u.csv", Fixtures.csv(Fixtures.units()));
            pool.shutdown();
            assertThat(pool.awaitTermination(5, TimeUnit.MINUTES)).isTrue();

            List<Sent> after = sent.stream().filter(s -> s.sentAt() > frozenAnswered.get()).toList();
            assertThat(after).as("submissions sent after the freeze answered").hasSizeGreaterThan(100);
            assertThat(after.stream().filter(s -> s.status() != 409).map(Sent::body).toList())
                    .as("answers other than a refusal among the %d sent after the freeze answered", after.size()).isEmpty();
            assertThat(after).allSatisfy(s ->
                    assertThat(Api.JSON.readTree(s.body()).get("error").asString()).isEqualTo("window_closed"));
            long accepted = sent.stream().filter(s -> s.status() == 200).count();
            assertThat(accepted).as("some were accepted before the freeze").isPositive();
            assertThat(sent).as("accepted or refused as frozen, nothing else")
                    .allSatisfy(s -> assertThat(s.status()).as(s.body()).isIn(200, 409));
            JsonNode ranking = new Api(a.port()).get("/api/contests/" + id + "/ranking?limit=1000").json();
            assertThat((long) ranking.size()).as("the ranking holds exactly the accepted submissions").isEqualTo(accepted);
            assertThat(lateImport.status()).as(lateImport.body()).isEqualTo(409);
        } finally {
            if (b != null) {
                b.close();
            }
            a.close();
        }
    }
}
