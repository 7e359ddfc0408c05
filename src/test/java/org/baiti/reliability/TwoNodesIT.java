package org.baiti.reliability;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.baiti.testing.Api;
import org.baiti.testing.BaitiProcess;
import org.baiti.testing.EnabledIfPostgres;
import org.baiti.testing.Fixtures;
import org.baiti.testing.Postgres;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Two Baiti processes on one PostgreSQL: an attempt started on one node is submitted on the other. */
@EnabledIfPostgres
class TwoNodesIT {

    static final String PASSWORD = "two-nodes-pw";

    @Test
    void attemptsMoveBetweenNodesAndBothNodesAnswerTheSame() {
        String url = Postgres.freshSchemaUrl();
        int portA = BaitiProcess.freePort();
        int portB = BaitiProcess.freePort();
        try (BaitiProcess a = BaitiProcess.start(portA, Map.of("BAITI_ADMIN_PASSWORD", PASSWORD), "--spring.datasource.url=" + url, "--baiti.demo=false")) {
            a.awaitHealthy(Duration.ofSeconds(300));
            // The second node starts on a migrated database: Flyway finds nothing to do.
            try (BaitiProcess b = BaitiProcess.start(portB, Map.of("BAITI_ADMIN_PASSWORD", PASSWORD), "--spring.datasource.url=" + url, "--baiti.demo=false")) {
                b.awaitHealthy(Duration.ofSeconds(300));
                Api nodeA = new Api(portA);
                Api nodeB = new Api(portB);
                long id = Fixtures.contest(nodeA.as("admin", PASSWORD), Map.of("questionsPerPaper", 5));
                assertThat(nodeB.as("admin", PASSWORD).upload("/api/admin/contests/" + id + "/units", "u.csv", Fixtures.csv(Fixtures.units())).status()).isEqualTo(200);
                assertThat(nodeA.as("admin", PASSWORD).upload("/api/admin/contests/" + id + "/bank", "b.csv", Fixtures.csv(Fixtures.bank())).status()).isEqualTo(200);

                Random random = new Random(9);
                List<long[]> results = new ArrayList<>();
                for (int i = 0; i < 40; i++) {
                    Api starter = i % 2 == 0 ? nodeA : nodeB;
                    Api submitter = i % 2 == 0 ? nodeB : nodeA;
                    JsonNode paper = starter.postJson("/api/contests/" + id + "/attempts",
                            Map.of("name", "两节点" + i, "phone", "1360000" + String.format("%04d", i), "unit", "U2")).json();
                    Map<String, List<String>> answers = new java.util.LinkedHashMap<>();
                    for (JsonNode q : paper.get("questions")) {
                        JsonNode options = q.get("options");
                        answers.put(q.get("id").asString(), List.of(options.get(random.nextInt(options.size())).get("id").asString()));
                    }
                    Api.Response r = submitter.postJson("/api/attempts/" + paper.get("attemptId").asString() + "/submit",
                            Map.of("answers", answers), paper.get("token").asString());
                    assertThat(r.status()).as(r.body()).isEqualTo(200);
                    // The same attempt, read from the node that issued it.
                    assertThat(starter.get("/api/attempts/" + paper.get("attemptId").asString(), paper.get("token").asString())
                            .json().get("result").get("score").asInt()).isEqualTo(r.json().get("score").asInt());
                    results.add(new long[] {r.json().get("score").asInt(), r.json().get("durationMs").asLong()});
                }
                String rankingA = nodeA.get("/api/contests/" + id + "/ranking?limit=100").body();
                String rankingB = nodeB.get("/api/contests/" + id + "/ranking?limit=100").body();
                assertThat(rankingA).isEqualTo(rankingB);
                assertThat(nodeA.get("/api/contests/" + id + "/ranking?limit=100").json()).hasSize(40);
                assertThat(nodeA.as("admin", PASSWORD).get("/api/admin/contests/" + id + "/statistics").body())
                        .isEqualTo(nodeB.as("admin", PASSWORD).get("/api/admin/contests/" + id + "/statistics").body());
                assertThat(results).hasSize(40);
            }
        }
    }
}
