package org.baiti.privacy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.baiti.audit.AuditLog;
import org.baiti.cli.DrawCommand;
import org.baiti.cli.PurgeCommand;
import org.baiti.person.Phones;
import org.baiti.testing.Api;
import org.baiti.testing.App;
import org.baiti.testing.Fixtures;
import org.baiti.testing.WebSession;
import org.baiti.refusal.Refusal;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Personal data (SPEC §8): consent before a start, the purge after the retention period (every published figure and
 * the draw record unchanged, no full phone number left in any table that held them), and a person's look-up of their
 * own data only.
 */
interface PrivacyContract extends App {

    Pattern FULL_PHONE = Pattern.compile("(?<![0-9])1[3-9][0-9]{9}(?![0-9])");
    List<String> PHONE_TABLES = List.of("attempt", "ranking_entry", "offline_result", "roster_entry");

    /** A scratch folder for record files. */
    Path scratch();

    @Test
    default void aStartIsRefusedWithoutConsentAndTheApiBodyOfApiMdStillWorks() {
        Api admin = api().admin();
        long id = contestWithBank(admin);
        JdbcClient jdbc = bean(JdbcClient.class);

        Api.Response refused = api().postJson("/api/contests/" + id + "/attempts",
                Map.of("name", "张三", "phone", "13800000001", "unit", "U1", "consent", false));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("error").asString()).isEqualTo("consent_required");
        assertThat(refused.json().get("details").get(0).get("field").asString()).isEqualTo("consent");
        assertThat(attempts(jdbc, id)).as("nothing stored").isZero();

        // API.md: {"name","phone","unit"} works while the contest does not require consent through the API
        assertThat(api().postJson("/api/contests/" + id + "/attempts",
                Map.of("name", "张三", "phone", "13800000001", "unit", "U1")).status()).isEqualTo(201);

        Api.Response set = admin.putJson("/api/admin/contests/" + id + "/privacy", Map.of("consentRequired", true));
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        assertThat(set.json().get("consentRequired").asBoolean()).isTrue();
        assertThat(set.json().get("retentionDays").asInt()).isEqualTo(180);
        Api.Response silent = api().postJson("/api/contests/" + id + "/attempts",
                Map.of("name", "李四", "phone", "13800000002", "unit", "U1"));
        assertThat(silent.status()).isEqualTo(400);
        assertThat(silent.json().get("error").asString()).isEqualTo("consent_required");
        assertThat(attempts(jdbc, id)).isEqualTo(1);
        assertThat(api().postJson("/api/contests/" + id + "/attempts",
                Map.of("name", "李四", "phone", "13800000002", "unit", "U1", "consent", true)).status()).isEqualTo(201);

        Api.Response bad = admin.putJson("/api/admin/contests/" + id + "/privacy", Map.of("retentionDays", 0));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("details").get(0).get("field").asString()).isEqualTo("retentionDays");
        assertThat(api().putJson("/api/admin/contests/" + id + "/privacy", Map.of("retentionDays", 1)).status())
                .as("no account, no change").isEqualTo(401);
    }

    @Test
    default void theIdentifyPageShowsTheNoticeTheOrganizersTextAndTheConsentBox() {
        Api admin = api().admin();
        long id = contestWithBank(admin);
        String page = api().get("/c/" + id).body();
        assertThat(page).contains("个人信息说明").contains("收集哪些信息").contains("id=\"consent\"")
                .contains("竞赛结束后 180 天");
        admin.putJson("/api/admin/contests/" + id + "/privacy",
                Map.of("notice", "本竞赛由市委宣传部主办。\n只用于评奖。", "retentionDays", 30));
        String custom = api().get("/c/" + id).body();
        assertThat(custom).contains("本竞赛由市委宣传部主办。").contains("只用于评奖。").contains("竞赛结束后 30 天")
                .doesNotContain("收集哪些信息");
        // the admin contest page: the card shows the text, and its form changes it
        WebSession web = new WebSession(api());
        assertThat(web.login("admin", App.ADMIN_PASSWORD).status()).isEqualTo(302);
        WebSession.Page card = web.get("/admin/contests/" + id);
        assertThat(card.body()).contains("id=\"privacy-notice\"").contains("本竞赛由市委宣传部主办。");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("_csrf", card.csrf());
        form.put("notice", "");
        form.put("retentionDays", "45");
        form.put("consentRequired", "true");
        assertThat(web.post("/admin/contests/" + id + "/privacy", form).status()).isEqualTo(302);
        JsonNode now = admin.get("/api/admin/contests/" + id + "/privacy").json();
        assertThat(now.get("retentionDays").asInt()).isEqualTo(45);
        assertThat(now.get("consentRequired").asBoolean()).isTrue();
        assertThat(now.has("notice")).as("back to the default text").isFalse();
        assertThat(api().get("/c/" + id).body()).contains("收集哪些信息").contains("竞赛结束后 45 天");
    }

    @Test
    default void aPurgeKeepsEveryPublishedFigureAndTheDrawVerifiableAndLeavesNoFullPhone() throws Exception {
        Api admin = api().admin();
        long id = contestWithBank(admin);
        JdbcClient jdbc = bean(JdbcClient.class);
        // a roster, online attempts (some through the page's body with consent), offline results sharing people
        List<List<String>> roster = new ArrayList<>();
        roster.add(List.of("姓名", "手机号", "单位编码"));
        for (int p = 0; p < 6; p++) {
            roster.add(List.of("线上" + p, phone(p), p % 2 == 0 ? "U1" : "U2"));
        }
        assertThat(admin.upload("/api/admin/contests/" + id + "/roster", "roster.csv", Fixtures.csv(roster)).status()).isEqualTo(200);
        Map<Integer, String> tokens = new HashMap<>();
        for (int p = 0; p < 12; p++) {
            Map<String, Object> body = new LinkedHashMap<>(Map.of("name", "线上" + p, "phone", phone(p),
                    "unit", p % 3 == 0 ? "U1-1" : "U2-1"));
            if (p % 2 == 0) {
                body.put("consent", true);
            }
            Api.Response start = api().postJson("/api/contests/" + id + "/attempts", body);
            assertThat(start.status()).as(start.body()).isEqualTo(201);
            JsonNode paper = start.json();
            Map<String, List<String>> answers = new LinkedHashMap<>();
            int q = 0;
            for (JsonNode question : paper.get("questions")) {
                if (q++ < p % 5) {
                    answers.put(question.get("id").asString(), List.of(question.get("options").get(0).get("id").asString()));
                }
            }
            tokens.put(p, paper.get("token").asString());
            assertThat(api().postJson("/api/attempts/" + paper.get("attemptId").asString() + "/submit",
                    Map.of("answers", answers), paper.get("token").asString()).status()).isEqualTo(200);
        }
        List<List<String>> offline = new ArrayList<>();
        offline.add(List.of("准考证号", "姓名", "手机号", "单位编码", "得分", "考场"));
        for (int p = 0; p < 20; p++) {
            offline.add(List.of("K" + (1000 + p), "线下" + p, p < 5 ? phone(p) : "137" + String.format("%08d", p),
                    p % 2 == 0 ? "U1" : "U2-1", p % 3 == 0 ? "5" : "6", "第一考场"));
        }
        Api.Response imported = admin.upload("/api/admin/contests/" + id + "/offline-results", "offline.csv", Fixtures.csv(offline));
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);

        // before the close a purge is refused, even an early one
        assertThatThrownBy(() -> bean(PersonalData.class).purge(id, true, "test"))
                .isInstanceOfSatisfying(Refusal.class, e -> assertThat(e.code()).isEqualTo("not_closed"));

        close(admin, id);
        Api.Response commit = admin.postJson("/api/admin/contests/" + id + "/draws", Map.of("name", "线下抽奖", "k", 3,
                "pool", "offline-perfect", "seedSources", "现场掷骰"));
        assertThat(commit.status()).as(commit.body()).isEqualTo(201);
        long draw = commit.json().get("id").asLong();
        assertThat(admin.postJson("/api/admin/draws/" + draw + "/reveal", Map.of("seed", List.of("1 2 3"))).status()).isEqualTo(200);
        assertThat(admin.postJson("/api/admin/contests/" + id + "/freeze", Map.of()).status()).isEqualTo(200);

        List<String> published = List.of("/api/contests/" + id + "/ranking?limit=100", "/api/draws/" + draw,
                "/api/admin/contests/" + id + "/statistics", "/api/admin/contests/" + id + "/org-awards",
                "/api/admin/contests/" + id + "/awards", "/api/admin/contests/" + id + "/exports/winners.csv",
                "/api/admin/contests/" + id + "/exports/org-awards.csv", "/draws/" + draw + "/record.json");
        Map<String, String> before = new LinkedHashMap<>();
        for (String path : published) {
            Api.Response r = admin.get(path);
            assertThat(r.status()).as(path).isEqualTo(200);
            before.put(path, r.body());
        }
        assertThat(before.get("/api/admin/contests/" + id + "/statistics")).contains("\"distinctPeople\":27");
        assertThat(fullPhones(jdbc, id)).isGreaterThan(0);
        JsonNode mine = api().postJson("/api/contests/" + id + "/my-data", Map.of("phone", phone(1), "token", tokens.get(1))).json();
        assertThat(mine.get("phone").asString()).isEqualTo(phone(1));
        assertThat(mine.get("attempts").get(0).get("address").asString()).isNotBlank();

        // the retention period runs: no purge without --now
        Run early = purge(id);
        assertThat(early.exitCode()).as(early.err()).isEqualTo(1);
        assertThat(early.err()).contains("retention_running").contains("--now");
        assertThat(fullPhones(jdbc, id)).isGreaterThan(0);
        Run run = purge(id, "--now");
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("full numbers left 0");

        for (String path : published) {
            String now = admin.get(path).body();
            if (path.startsWith("/api/") && !path.contains("/exports/")) {
                // Same JSON; a mean over people (statistics' unit accuracy) may differ in its last binary digit on
                // PostgreSQL, whose aggregate adds the rows in the order of the hashed phone (docs/privacy.md).
                assertSameJson(path, Api.JSON.readTree(before.get(path)), Api.JSON.readTree(now));
            } else {
                assertThat(now).as(path + " unchanged").isEqualTo(before.get(path));
            }
        }
        Path record = Files.writeString(scratch().resolve("record-" + database() + ".json"), before.get("/api/draws/" + draw),
                StandardCharsets.UTF_8);
        StringWriter out = new StringWriter();
        CommandLine verify = new CommandLine(new DrawCommand());
        verify.setOut(new PrintWriter(out));
        assertThat(verify.execute("verify", record.toString())).isZero();
        assertThat(out.toString().strip()).isEqualTo("verified");

        assertThat(fullPhones(jdbc, id)).as("no full phone in " + PHONE_TABLES).isZero();
        for (String table : PHONE_TABLES) {
            for (String stored : jdbc.sql("SELECT phone FROM " + table + " WHERE contest_id = ?").param(id).query(String.class).list()) {
                assertThat(FULL_PHONE.matcher(stored).find()).as(table + ": " + stored).isFalse();
            }
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM attempt WHERE contest_id = ? AND client_ip IS NOT NULL").param(id)
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM attempt_address_unit_count WHERE contest_id = ?").param(id)
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE contest_id = ? AND action = 'privacy.purge'").param(id)
                .query(Long.class).single()).isEqualTo(1);
        assertThat(bean(AuditLog.class).verify().intact()).isTrue();

        // the person still finds their own rows with their number, now masked; nobody else's
        Api.Response after = api().postJson("/api/contests/" + id + "/my-data", Map.of("phone", phone(1), "token", tokens.get(1)));
        assertThat(after.status()).as(after.body()).isEqualTo(200);
        assertThat(after.json().get("phonePurged").asBoolean()).isTrue();
        assertThat(after.json().get("phone").asString()).isEqualTo(Phones.mask(phone(1)));
        assertThat(after.json().get("attempts")).hasSize(1);
        assertThat(after.json().get("offlineResults")).hasSize(1);
        assertThat(after.json().get("roster")).hasSize(1);
        assertThat(after.json().get("attempts").get(0).has("address")).isFalse();
        // a second purge finds nothing left to change
        assertThat(purge(id, "--now").out()).contains("attempt=0");
    }

    @Test
    default void aPersonSeesOnlyTheirOwnData() {
        Api admin = api().admin();
        long id = contestWithBank(admin);
        JsonNode a = api().postJson("/api/contests/" + id + "/attempts",
                Map.of("name", "甲", "phone", phone(40), "unit", "U1", "consent", true)).json();
        api().postJson("/api/contests/" + id + "/attempts", Map.of("name", "乙", "phone", phone(41), "unit", "U2", "consent", true));
        String token = a.get("token").asString();

        Api.Response own = api().postJson("/api/contests/" + id + "/my-data", Map.of("phone", phone(40), "token", token));
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.json().get("attempts")).hasSize(1);
        assertThat(own.json().get("attempts").get(0).get("name").asString()).isEqualTo("甲");
        assertThat(own.body()).doesNotContain("乙").doesNotContain(phone(41));

        Api.Response other = api().postJson("/api/contests/" + id + "/my-data", Map.of("phone", phone(41), "token", token));
        assertThat(other.status()).isEqualTo(403);
        assertThat(other.body()).doesNotContain("乙");
        Api.Response noProof = api().postJson("/api/contests/" + id + "/my-data", Map.of("phone", phone(41)));
        assertThat(noProof.status()).isEqualTo(400);
        assertThat(noProof.json().get("error").asString()).isEqualTo("proof_required");
        assertThat(api().postJson("/api/contests/" + id + "/my-data", Map.of("phone", "12", "token", token)).status()).isEqualTo(400);
        assertThat(api().postJson("/api/contests/" + id + "/my-data", Map.of("phone", phone(41), "code", "123456")).status())
                .as("codes are off: no code proves anything").isEqualTo(403);
        assertThat(api().get("/c/" + id + "/my-data").body()).contains("id=\"my-data-form\"").contains("id=\"md-resume\"");

        // on another device, without SMS: the resume code shown during the attempt proves it, for that phone only
        String resumeCode = a.get("resumeCode").asString();
        Api.Response byCode = api().postJson("/api/contests/" + id + "/my-data", Map.of("phone", phone(40), "resumeCode", resumeCode));
        assertThat(byCode.status()).as(byCode.body()).isEqualTo(200);
        assertThat(byCode.json().get("attempts").get(0).get("name").asString()).isEqualTo("甲");
        Api.Response codeOfAnother = api().postJson("/api/contests/" + id + "/my-data",
                Map.of("phone", phone(41), "resumeCode", resumeCode));
        assertThat(codeOfAnother.status()).isEqualTo(403);
        assertThat(codeOfAnother.body()).doesNotContain("乙");
        int refused = 0;
        for (int i = 0; i < 12; i++) { // guessing is counted per phone, as at a resume
            int status = api().postJson("/api/contests/" + id + "/my-data",
                    Map.of("phone", phone(41), "resumeCode", String.format("%08d", i))).status();
            assertThat(status).isIn(403, 429);
            refused += status == 429 ? 1 : 0;
        }
        assertThat(refused).as("wrong resume codes for one phone are throttled").isPositive();
    }

    private static void assertSameJson(String where, JsonNode expected, JsonNode actual) {
        if (expected.isNumber() && actual.isNumber() && (expected.isFloatingPointNumber() || actual.isFloatingPointNumber())) {
            assertThat(actual.asDouble()).as(where).isCloseTo(expected.asDouble(), org.assertj.core.api.Assertions.within(1e-12));
        } else if (expected.isObject() || expected.isArray()) {
            assertThat(actual.getNodeType()).as(where).isEqualTo(expected.getNodeType());
            assertThat(actual.size()).as(where).isEqualTo(expected.size());
            if (expected.isArray()) {
                for (int i = 0; i < expected.size(); i++) {
                    assertSameJson(where + "[" + i + "]", expected.get(i), actual.get(i));
                }
            } else {
                for (String name : expected.propertyNames()) {
                    assertThat(actual.has(name)).as(where + "." + name).isTrue();
                    assertSameJson(where + "." + name, expected.get(name), actual.get(name));
                }
            }
        } else {
            assertThat(actual).as(where).isEqualTo(expected);
        }
    }

    private static String phone(int p) {
        return "139" + String.format("%08d", p * 7 + 3);
    }

    private long contestWithBank(Api admin) {
        long id = Fixtures.contest(admin, Map.of("questionsPerPaper", 5, "onlineQuota", 3, "drawQuota", 3, "orgQuota", 1));
        assertThat(admin.upload("/api/admin/contests/" + id + "/units", "units.csv", Fixtures.csv(Fixtures.units())).status()).isEqualTo(200);
        assertThat(admin.upload("/api/admin/contests/" + id + "/bank", "bank.csv", Fixtures.csv(Fixtures.bank())).status()).isEqualTo(200);
        return id;
    }

    /**
     * Ends the open contest now. Staff cannot (a closing time in the past is refused while a contest is open, on the
     * page and through the API), so the row is changed as another node would, and this node's copy, kept for a
     * second, is waited for.
     */
    private void close(Api admin, long id) {
        bean(JdbcClient.class).sql("UPDATE contest SET closes_at = ? WHERE id = ?")
                .params(Instant.now().minusSeconds(60).toEpochMilli(), id).update();
        org.baiti.contest.Contesting contesting = bean(org.baiti.contest.Contesting.class);
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(5);
        while (contesting.get(id).closesAt().isAfter(Instant.now()) && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(contesting.get(id).closesAt()).isBefore(Instant.now());
    }

    private static long attempts(JdbcClient jdbc, long id) {
        return jdbc.sql("SELECT COUNT(*) FROM attempt WHERE contest_id = ?").param(id).query(Long.class).single();
    }

    private static long fullPhones(JdbcClient jdbc, long id) {
        long n = 0;
        for (String table : PHONE_TABLES) {
            n += jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE contest_id = ? AND phone NOT LIKE '%~%'").param(id)
                    .query(Long.class).single();
        }
        return n;
    }

    record Run(int exitCode, String out, String err) {
    }

    /** {@code baiti purge --contest ID ...} against this test's database, as an operator runs it. */
    private Run purge(long id, String... more) {
        List<String> args = new ArrayList<>(List.of("--contest", String.valueOf(id)));
        args.addAll(List.of(more));
        // the URL the running application uses (the property's supplier would make a fresh schema)
        String url = bean(javax.sql.DataSource.class) instanceof com.zaxxer.hikari.HikariDataSource h ? h.getJdbcUrl() : null;
        if (url != null && url.startsWith("jdbc:postgresql")) {
            args.add("--spring.datasource.url=" + url);
        }
        args.add("--baiti.data-dir=" + context().getEnvironment().getProperty("baiti.data-dir"));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new PurgeCommand());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args.toArray(String[]::new));
        return new Run(code, out.toString(), err.toString());
    }
}
