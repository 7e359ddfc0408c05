package org.baiti.reliability;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.baiti.testing.Api;
import org.baiti.testing.BaitiProcess;
import org.baiti.testing.Fixtures;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code baiti backup} while serving, {@code baiti restore} into another data folder: the same contest comes back. */
class BackupRestoreIT {

    static final String PASSWORD = "backup-it-pw";

    @Test
    void aBackupTakenWhileServingRestoresTheContestWithItsResults() throws Exception {
        Path dir = Files.createTempDirectory("baiti-backup-");
        Path restored = Files.createTempDirectory("baiti-restored-");
        Path backup = Files.createTempDirectory("baiti-bk-").resolve("baiti-backup.db");
        String statistics;
        String ranking;
        long id;
        int port = BaitiProcess.freePort();
        try (BaitiProcess p = BaitiProcess.start(port, Map.of("BAITI_ADMIN_PASSWORD", PASSWORD), "--baiti.data-dir=" + dir, "--baiti.demo=false")) {
            p.awaitHealthy(Duration.ofSeconds(300));
            Api api = new Api(port);
            Api admin = api.as("admin", PASSWORD);
            id = Fixtures.contest(admin, Map.of("questionsPerPaper", 5));
            admin.upload("/api/admin/contests/" + id + "/units", "u.csv", Fixtures.csv(Fixtures.units()));
            admin.upload("/api/admin/contests/" + id + "/bank", "b.csv", Fixtures.csv(Fixtures.bank()));
            Random random = new Random(3);
            for (int i = 0; i < 30; i++) {
                JsonNode paper = api.postJson("/api/contests/" + id + "/attempts",
                        Map.of("name", "备份" + i, "phone", "1350000" + String.format("%04d", i), "unit", "U1-1")).json();
                Map<String, List<String>> answers = new java.util.LinkedHashMap<>();
                for (JsonNode q : paper.get("questions")) {
                    JsonNode options = q.get("options");
                    answers.put(q.get("id").asString(), List.of(options.get(random.nextInt(options.size())).get("id").asString()));
                }
                assertThat(api.postJson("/api/attempts/" + paper.get("attemptId").asString() + "/submit",
                        Map.of("answers", answers), paper.get("token").asString()).status()).isEqualTo(200);
            }
            statistics = admin.get("/api/admin/contests/" + id + "/statistics").body();
            ranking = api.get("/api/contests/" + id + "/ranking?limit=100").body();
            Process bk = new ProcessBuilder(java(), "-jar", "target/baiti.jar", "backup", backup.toString(), "--baiti.data-dir=" + dir)
                    .redirectErrorStream(true).start();
            String out = new String(bk.getInputStream().readAllBytes());
            assertThat(bk.waitFor()).as(out).isZero();
        }
        Process rs = new ProcessBuilder(java(), "-jar", "target/baiti.jar", "restore", backup.toString(), "--baiti.data-dir=" + restored)
                .redirectErrorStream(true).start();
        String out = new String(rs.getInputStream().readAllBytes());
        assertThat(rs.waitFor()).as(out).isZero();
        int port2 = BaitiProcess.freePort();
        try (BaitiProcess p = BaitiProcess.start(port2, Map.of("BAITI_ADMIN_PASSWORD", "other"), "--baiti.data-dir=" + restored, "--baiti.demo=false")) {
            p.awaitHealthy(Duration.ofSeconds(300));
            Api api = new Api(port2);
            assertThat(api.as("admin", PASSWORD).get("/api/admin/contests/" + id + "/statistics").body()).isEqualTo(statistics);
            assertThat(api.get("/api/contests/" + id + "/ranking?limit=100").body()).isEqualTo(ranking);
            assertThat(new Api(port2).get("/api/contests/" + id + "/ranking?limit=100").json()).hasSize(30);
        }
        Process bad = new ProcessBuilder(java(), "-jar", "target/baiti.jar", "restore", dir.resolve("nope.db").toString(), "--baiti.data-dir=" + restored)
                .redirectErrorStream(true).start();
        assertThat(new String(bad.getInputStream().readAllBytes())).contains("No backup");
        assertThat(bad.waitFor()).isEqualTo(1);
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
