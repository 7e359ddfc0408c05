package org.baiti;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.baiti.testing.Api;
import org.baiti.testing.BaitiProcess;
import org.baiti.testing.EnabledIfPostgres;
import org.baiti.testing.Postgres;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code java -jar target/baiti.jar serve} as API.md describes it, on SQLite and on PostgreSQL. */
class ServeIT {

    @Test
    void servesOnSqliteInTheDataFolderWithADemoContestAnyoneCanAnswer() throws Exception {
        Path dir = Files.createTempDirectory("baiti-serve-");
        int port = BaitiProcess.freePort();
        try (BaitiProcess p = BaitiProcess.start(port, Map.of("BAITI_ADMIN_PASSWORD", "serve-it-pw"),
                "--baiti.data-dir=" + dir)) {
            Duration took = p.awaitHealthy(Duration.ofSeconds(300));
            System.out.println("SQLite: healthy after " + took.toMillis() + " ms");
            assertThat(Files.exists(dir.resolve("baiti.db"))).isTrue();
            Api api = new Api(port);
            assertThat(api.get("/actuator/health").body()).isEqualTo("{\"status\":\"UP\"}");
            JsonNode contests = api.as("admin", "serve-it-pw").get("/api/admin/contests").json();
            assertThat(contests).hasSize(1);
            long id = contests.get(0).get("id").asLong();
            assertThat(api.as("admin", "serve-it-pw").get("/api/admin/contests/" + id + "/bank").json().size())
                    .isGreaterThanOrEqualTo(50);
            assertThat(api.get("/v3/api-docs").body()).contains("\"openapi\"").contains("/api/admin/contests");
            assertThat(api.get("/").body()).contains("开始答题");
            // the start banner: the real port, the demo contest's participant link, the staff pages, the password line
            String banner = awaitBanner(p);
            assertThat(banner).contains("http://localhost:" + port + "/c/" + id + " ")
                    .contains("http://localhost:" + port + "/admin")
                    .contains("BAITI_ADMIN_PASSWORD");
        }
    }

    /** The banner {@code serve} logs once the port is open: from its first rule to its last. */
    private static String awaitBanner(BaitiProcess p) throws InterruptedException {
        String rule = "=".repeat(66);
        for (int i = 0; i < 100; i++) {
            String log = p.log();
            int end = log.lastIndexOf(rule);
            if (end >= 0 && log.contains("/admin")) {
                int start = log.lastIndexOf(rule, end - 1);
                if (start >= 0 && log.substring(start, end).contains("/admin")) {
                    return log.substring(start, end + rule.length());
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no start banner in:\n" + p.log());
    }

    @Test
    void theDemoCanBeTurnedOffAndARandomAdminPasswordIsPrintedOnce() throws Exception {
        Path dir = Files.createTempDirectory("baiti-serve-");
        int port = BaitiProcess.freePort();
        try (BaitiProcess p = BaitiProcess.start(port, Map.of(), "--baiti.data-dir=" + dir, "--baiti.demo=false",
                "--server.address=127.0.0.1")) {
            p.awaitHealthy(Duration.ofSeconds(300));
            String log = p.log();
            var m = java.util.regex.Pattern.compile("password: (\\S+)").matcher(log);
            assertThat(m.find()).as(log).isTrue();
            Api admin = new Api(port).as("admin", m.group(1));
            assertThat(admin.get("/api/admin/contests").json()).isEmpty();
            // the banner repeats the generated password, says no contest is open, and names the address it listens on
            String banner = awaitBanner(p);
            assertThat(banner).contains(m.group(1)).contains("http://127.0.0.1:" + port + "/admin")
                    .doesNotContain("/c/");
        }
    }

    @Test
    @EnabledIfPostgres
    void servesOnPostgresqlWhenGivenItsUrl() throws Exception {
        int port = BaitiProcess.freePort();
        try (BaitiProcess p = BaitiProcess.start(port, Map.of("BAITI_ADMIN_PASSWORD", "serve-it-pw"),
                "--spring.datasource.url=" + Postgres.freshSchemaUrl(), "--baiti.public-url=https://dati.example.org/")) {
            Duration took = p.awaitHealthy(Duration.ofSeconds(300));
            System.out.println("PostgreSQL: healthy after " + took.toMillis() + " ms");
            assertThat(p.log()).contains("PostgreSQL");
            JsonNode contests = new Api(port).as("admin", "serve-it-pw").get("/api/admin/contests").json();
            assertThat(contests).hasSize(1);
            // with a public address, the banner's links are that address
            assertThat(awaitBanner(p)).contains("https://dati.example.org/c/" + contests.get(0).get("id").asLong() + " ")
                    .contains("https://dati.example.org/admin");
        }
    }
}
