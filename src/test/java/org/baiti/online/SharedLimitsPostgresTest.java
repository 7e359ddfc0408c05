package org.baiti.online;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.baiti.Application;
import org.baiti.testing.Api;
import org.baiti.testing.App;
import org.baiti.testing.EnabledIfPostgres;
import org.baiti.testing.Fixtures;
import org.baiti.testing.Postgres;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.config.ScheduledTaskHolder;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two nodes (two application contexts) on one PostgreSQL schema draw from the same rate-limit buckets: two nodes do
 * not give twice the limit (Bucket4j's PostgreSQL backend, table {@code rate_limit_bucket}).
 */
@EnabledIfPostgres
class SharedLimitsPostgresTest {

    private static ConfigurableApplicationContext node(String url) {
        // command-line arguments: they win over application.yml (server.port 8080)
        return new SpringApplicationBuilder(Application.class).run(
                "--spring.datasource.url=" + url, "--server.port=0", "--baiti.demo=false",
                "--BAITI_ADMIN_PASSWORD=" + App.ADMIN_PASSWORD, "--server.forward-headers-strategy=native");
    }

    private static Api api(ConfigurableApplicationContext node) {
        return new Api(Integer.parseInt(node.getEnvironment().getProperty("local.server.port")));
    }

    @Test
    void twoNodesShareTheLimitsOfAnAddressAndOfAnAttempt() {
        String url = Postgres.freshSchemaUrl();
        try (ConfigurableApplicationContext a = node(url); ConfigurableApplicationContext b = node(url)) {
            Api nodeA = api(a);
            Api nodeB = api(b);
            long id = Fixtures.contest(nodeA.admin(), Map.of("questionsPerPaper", 5, "addressStartsPerMinute", 4));
            assertThat(nodeA.admin().upload("/api/admin/contests/" + id + "/units", "u.csv", Fixtures.csv(Fixtures.units())).status()).isEqualTo(200);
            assertThat(nodeB.admin().upload("/api/admin/contests/" + id + "/bank", "b.csv", Fixtures.csv(Fixtures.bank())).status()).isEqualTo(200);

            List<Integer> statuses = new ArrayList<>();
            List<JsonNode> papers = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                Api node = (i % 2 == 0 ? nodeA : nodeB).from("10.6.0.1");
                Api.Response r = node.postJson("/api/contests/" + id + "/attempts",
                        Map.of("name", "两节点" + i, "phone", "1381111000" + i, "unit", "U1"));
                statuses.add(r.status());
                if (r.status() == 201) {
                    papers.add(r.json());
                }
            }
            assertThat(statuses).as("4 starts a minute from the address, whichever node").containsExactly(201, 201, 201, 201, 429, 429);

            // 60 requests a minute per attempt, counted together on both nodes
            JsonNode paper = papers.get(0);
            String path = "/api/attempts/" + paper.get("attemptId").asString();
            int ok = 0;
            for (int i = 0; i < 130; i++) {
                Api node = i % 2 == 0 ? nodeA : nodeB;
                if (node.get(path, paper.get("token").asString()).status() != 200) {
                    break;
                }
                ok++;
            }
            // 60 a minute refilled at one a second while the loop runs; two buckets of their own would give 120
            assertThat(ok).as("not twice 60 with two nodes").isBetween(60, 90);
            assertThat(a.getBean(JdbcClient.class).sql("SELECT COUNT(*) FROM rate_limit_bucket").query(Long.class).single())
                    .as("the buckets are rows of the shared database").isGreaterThanOrEqualTo(2);

            Map<String, List<String>> answers = new HashMap<>();
            JsonNode other = papers.get(1);
            assertThat(nodeB.from("10.6.0.1").postJson("/api/attempts/" + other.get("attemptId").asString() + "/submit",
                    Map.of("answers", answers), other.get("token").asString()).status()).isEqualTo(200);

            // the minutely clean-up (a scheduled task of the application) deletes the rows of expired buckets
            JdbcClient db = a.getBean(JdbcClient.class);
            db.sql("UPDATE rate_limit_bucket SET expires_at = 1").update();
            Runnable cleanUp = a.getBean(ScheduledTaskHolder.class).getScheduledTasks().stream()
                    .map(t -> t.getTask().getRunnable())
                    .filter(r -> r.toString().contains("Limits.removeExpired"))
                    .findFirst().orElseThrow();
            cleanUp.run();
            assertThat(db.sql("SELECT COUNT(*) FROM rate_limit_bucket").query(Long.class).single()).isZero();
        }
    }
}
