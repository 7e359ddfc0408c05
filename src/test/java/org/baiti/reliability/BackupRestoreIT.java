package org.baiti.reliability;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.baiti.verify.VerifyDraw;
import org.baiti.testing.Api;
import org.baiti.testing.BaitiProcess;
import org.baiti.testing.Fixtures;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code baiti backup} while serving, {@code baiti restore} into another data folder: the same contest comes back,
 * with its online and offline results and a sealed draw (record, commitment, seed and winners identical; it verifies).
 */
class BackupRestoreIT {

    static final String PASSWORD = "backup-it-pw";

    @Test
    void aBackupTakenWhileServingRestoresTheContestWithItsResultsAndSealedDraw() throws Exception {
        Path dir = Files.createTempDirectory("baiti-backup-");
        Path restored = Files.createTempDirectory("baiti-restored-");
        Path backup = Files.createTempDirectory("baiti-bk-").resolve("baiti-backup.db");
        String statistics;
        String ranking;
        String draw;
        String drawSummary;
        String draws;
        String offlineSummary;
        long drawId;
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
            // Offline results and a draw on their perfect rows, committed and revealed: sealed.
            List<List<String>> offline = new java.util.ArrayList<>();
            offline.add(List.of("准考证号", "姓名", "手机号", "单位编码", "得分", "答案", "考场"));
            for (int i = 1; i <= 60; i++) {
                offline.add(List.of("B" + String.format("%04d", i), "线下" + i, "137" + String.format("%08d", i), i % 2 == 0 ? "U1" : "U2-1",
                        "", i % 3 == 0 ? "B|A|对|A|错" : TwoNodesIT.PERFECT, "第一考场"));
            }
            Api.Response imported = admin.upload("/api/admin/contests/" + id + "/offline-results", "offline.csv", Fixtures.csv(offline));
            assertThat(imported.status()).as(imported.body()).isEqualTo(200);
            Api.Response commit = admin.postJson("/api/admin/contests/" + id + "/draws", Map.of("name", "备份抽奖", "k", 12,
                    "pool", "offline-perfect", "seedSources", "现场掷骰 / dice on stage",
                    "tiers", List.of(Map.of("name", "一等奖", "count", 2), Map.of("name", "二等奖", "count", 10))));
            assertThat(commit.status()).as(commit.body()).isEqualTo(201);
            drawId = commit.json().get("id").asLong();
            assertThat(commit.json().get("n").asInt()).isEqualTo(40);
            Api.Response reveal = admin.postJson("/api/admin/draws/" + drawId + "/reveal", Map.of("seed", List.of("1 2 3", "备份")));
            assertThat(reveal.status()).as(reveal.body()).isEqualTo(200);
            draw = api.get("/api/draws/" + drawId).body();
            assertThat(draw).isEqualTo(reveal.body());
            drawSummary = api.get("/api/draws/" + drawId + "/summary").body();
            draws = api.get("/api/contests/" + id + "/draws").body();
            offlineSummary = admin.get("/api/admin/contests/" + id + "/offline-results/summary").body();
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
            // The sealed draw: the same record (pool, commitment, seed, winners), and it verifies.
            Api.Response restoredDraw = api.get("/api/draws/" + drawId);
            assertThat(restoredDraw.status()).isEqualTo(200);
            assertThat(restoredDraw.body()).isEqualTo(draw);
            JsonNode record = restoredDraw.json();
            assertThat(record.get("status").asString()).isEqualTo("SEALED");
            assertThat(record.get("winners")).hasSize(12);
            assertThat(record.get("seed")).hasSize(2);
            assertThat(record.get("poolDigest").asString()).hasSize(64);
            assertThat(VerifyDraw.problems(restoredDraw.body())).as(restoredDraw.body()).isEmpty();
            assertThat(api.get("/api/draws/" + drawId + "/summary").body()).isEqualTo(drawSummary);
            assertThat(api.get("/api/contests/" + id + "/draws").body()).isEqualTo(draws);
            assertThat(api.as("admin", PASSWORD).get("/api/admin/contests/" + id + "/offline-results/summary").body())
                    .isEqualTo(offlineSummary);
            // Still sealed: a second reveal on the restored copy is refused.
            assertThat(api.as("admin", PASSWORD).postJson("/api/admin/draws/" + drawId + "/reveal",
                    Map.of("seed", List.of("9 9 9"))).status()).isEqualTo(409);
        }
        // The command line speaks the machine's language: English where LANG says so, Chinese otherwise.
        ProcessBuilder refused = new ProcessBuilder(java(), "-jar", "target/baiti.jar", "restore", dir.resolve("nope.db").toString(),
                "--baiti.data-dir=" + restored).redirectErrorStream(true);
        refused.environment().remove("LC_ALL");
        refused.environment().remove("LC_MESSAGES");
        refused.environment().put("LANG", "en_US.UTF-8");
        Process bad = refused.start();
        assertThat(new String(bad.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).contains("No backup");
        assertThat(bad.waitFor()).isEqualTo(1);
        refused.environment().put("LANG", "C.UTF-8"); // not English: Chinese (C.UTF-8 is there on every machine)
        Process badZh = refused.start();
        assertThat(new String(badZh.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).contains("备份文件不存在");
        assertThat(badZh.waitFor()).isEqualTo(1);
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
