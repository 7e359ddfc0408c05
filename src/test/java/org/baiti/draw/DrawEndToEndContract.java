package org.baiti.draw;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.baiti.cli.DrawCommand;
import org.baiti.testing.Api;
import org.baiti.testing.App;
import org.baiti.testing.Fixtures;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole life of a draw as at the reference event, at a smaller scale: 600 offline results imported, 140 winners
 * drawn in three tiers from the perfect scorers, revealed with two seed strings, and the published record checked by both
 * verifiers (and caught when one winner is changed).
 */
interface DrawEndToEndContract extends App {

    /** A scratch folder for the record files. */
    Path scratch();

    /** What a verifier said: exit code and output. */
    record Verdict(int exitCode, String output) {
    }

    @Test
    default void commitRevealPublishAndVerifyWithBothVerifiers() throws Exception {
        Api admin = api().admin();
        long contest = Fixtures.contest(admin, Map.of("drawQuota", 140));
        assertThat(admin.upload("/api/admin/contests/" + contest + "/units", "units.csv",
                Fixtures.csv(Fixtures.units())).status()).isEqualTo(200);
        assertThat(admin.upload("/api/admin/contests/" + contest + "/bank", "bank.csv",
                Fixtures.csv(Fixtures.bank())).status()).isEqualTo(200);
        // The offline results as the venues send them (SPEC §2.3), through the offline import: the paper is the
        // first 5 questions of the bank, 6 points in all; every third paper scored 5.
        List<OfflineRows.Row> rows = OfflineRows.rows("2026", 600, 3);
        List<List<String>> sheet = new ArrayList<>();
        sheet.add(List.of("准考证号", "姓名", "手机号", "单位编码", "得分", "考场"));
        rows.forEach(r -> sheet.add(List.of(r.ticket(), r.name(), r.phone(), r.unitCode(), r.perfect() ? "6" : "5",
                "第一考场")));
        Api.Response imported = admin.upload("/api/admin/contests/" + contest + "/offline-results", "offline.csv",
                Fixtures.csv(sheet));
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        assertThat(imported.json().get("imported").asInt()).isEqualTo(600);
        List<String> perfect = OfflineRows.perfectTickets(rows);
        assertThat(perfect).hasSize(400);

        Api.Response commit = admin.postJson("/api/admin/contests/" + contest + "/draws", Map.of(
                "name", "线下优秀个人抽奖", "k", 140, "pool", "offline-perfect",
                "seedSources", "北京时间 20:00 的上证指数收盘点位 + 现场掷骰 3 次",
                "tiers", List.of(Map.of("name", "一等奖", "count", 10), Map.of("name", "二等奖", "count", 30),
                        Map.of("name", "三等奖", "count", 100))));
        assertThat(commit.status()).as(commit.body()).isEqualTo(201);
        long id = commit.json().get("id").asLong();
        assertThat(commit.json().get("n").asInt()).isEqualTo(400);
        assertThat(commit.json().get("poolDigest").asString())
                .isEqualTo(DrawAlgorithm.hex(DrawAlgorithm.poolDigest(DrawAlgorithm.sortPool(perfect))));

        Api.Response reveal = admin.postJson("/api/admin/draws/" + id + "/reveal",
                Map.of("seed", List.of("3089.26", "4 2 6")));
        assertThat(reveal.status()).as(reveal.body()).isEqualTo(200);

        Api.Response published = api().get("/api/draws/" + id);
        assertThat(published.status()).isEqualTo(200);
        assertThat(published.body()).isEqualTo(reveal.body());
        JsonNode record = published.json();
        assertThat(record.get("winners")).hasSize(140);
        Set<String> distinct = new HashSet<>();
        record.get("winners").forEach(w -> distinct.add(w.asString()));
        assertThat(distinct).hasSize(140);
        assertThat(perfect).containsAll(distinct);
        assertThat(record.get("tiers").get(2).get("winners")).hasSize(100);

        Path file = Files.writeString(scratch().resolve("draw-" + database() + ".json"), published.body(),
                StandardCharsets.UTF_8);
        Verdict cli = cli(file);
        assertThat(cli.output()).contains("verified");
        assertThat(cli.exitCode()).as(cli.output()).isZero();
        Verdict tool = verifyDrawTool(file);
        assertThat(tool.output().strip()).isEqualTo("verified");
        assertThat(tool.exitCode()).isZero();

        HttpResponse<String> download = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(api().base() + "/draws/" + id + "/record.json")).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(download.headers().firstValue("Content-Disposition").orElse(""))
                .startsWith("attachment").contains(".json");
        Path downloaded = Files.writeString(scratch().resolve("download-" + database() + ".json"), download.body(),
                StandardCharsets.UTF_8);
        assertThat(cli(downloaded).exitCode()).isZero();

        // Change one winner to someone else from the pool who did not win.
        ObjectNode tampered = (ObjectNode) Api.JSON.readTree(published.body());
        String outsider = perfect.stream().filter(t -> !distinct.contains(t)).findFirst().orElseThrow();
        ((ArrayNode) tampered.get("winners")).set(57, outsider);
        Path bad = Files.writeString(scratch().resolve("tampered-" + database() + ".json"),
                Api.JSON.writeValueAsString(tampered), StandardCharsets.UTF_8);
        Verdict cliBad = cli(bad);
        assertThat(cliBad.exitCode()).isEqualTo(1);
        assertThat(cliBad.output()).contains("NOT verified").contains("winner #58");
        Verdict toolBad = verifyDrawTool(bad);
        assertThat(toolBad.exitCode()).isEqualTo(1);
        assertThat(toolBad.output()).doesNotContain("\nverified").contains("58");
    }

    /** {@code baiti draw verify FILE}, in process. */
    private static Verdict cli(Path file) {
        StringWriter out = new StringWriter();
        CommandLine cmd = new CommandLine(new DrawCommand());
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(out, true));
        int code = cmd.execute("verify", file.toString());
        return new Verdict(code, out.toString());
    }

    /** {@code java tools/VerifyDraw.java FILE}, as a separate JDK process. */
    private static Verdict verifyDrawTool(Path file) throws IOException, InterruptedException {
        String java = System.getProperty("java.home") + "/bin/java";
        Process p = new ProcessBuilder(java, "-Dfile.encoding=UTF-8", "-Dstdout.encoding=UTF-8",
                "tools/VerifyDraw.java", file.toString())
                .directory(DrawRecords.ROOT.toFile())
                .redirectErrorStream(true)
                .start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Verdict(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }
}
