package org.baiti.ops;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.baiti.testing.Api;
import org.baiti.testing.App;
import org.baiti.testing.Fixtures;
import org.baiti.testing.PrometheusText;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /actuator/prometheus} (API.md "Operations") on a running application: only an administrator reads it, and
 * after a morning of starts, submissions, refusals, an offline import, a draw and a login lockout, every Baiti meter
 * says exactly what the test did; the JVM, Tomcat and pool meters are there too, and every meter the alert rules and
 * the dashboard in {@code deploy/} read. Run on SQLite (two DBCP2 pools) and PostgreSQL (Hikari).
 */
interface MetricsContract extends App {

    /** What operators load into Prometheus and Grafana (docs/operations.md). */
    Path ALERTS = Path.of("deploy/prometheus/baiti-alerts.yml");
    Path DASHBOARD = Path.of("deploy/grafana/baiti.json");

    private static double value(String scrape, String name, String... labels) {
        return PrometheusText.value(scrape, name, labels);
    }

    private Api.Response start(long contest, String name, String phone) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("phone", phone);
        body.put("unit", "U1");
        return api().postJson("/api/contests/" + contest + "/attempts", body);
    }

    private Api.Response submit(JsonNode started, Map<String, List<String>> answers, String token) {
        return api().postJson("/api/attempts/" + started.get("attemptId").asString() + "/submit",
                Map.of("answers", answers), token);
    }

    private String scrape() {
        Api.Response r = api().admin().get("/actuator/prometheus");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("text/plain");
        return r.body();
    }

    @Test
    default void onlyAnAdministratorReadsTheMetrics() {
        assertThat(api().get("/actuator/health").status()).isEqualTo(200);
        Api.Response anonymous = api().get("/actuator/prometheus");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.body()).doesNotContain("baiti_").contains("\"error\"");
        String organizer = "metrics-org-" + System.nanoTime();
        assertThat(api().admin().postJson("/api/admin/accounts", Map.of("username", organizer, "role", "ORGANIZER",
                "password", "organizer-pass-1")).status()).isEqualTo(201);
        Api.Response staff = api().as(organizer, "organizer-pass-1").get("/actuator/prometheus");
        assertThat(staff.status()).isEqualTo(403);
        assertThat(staff.body()).doesNotContain("baiti_");
        assertThat(api().get("/actuator/metrics").status()).isIn(401, 404);
        assertThat(scrape()).contains("baiti_starts_total");
    }

    @Test
    default void theMetersCountWhatTheParticipantsAndTheStaffDid() {
        // jvm_gc_pause_seconds (read by the dashboard) exists once this context's binder has seen a collection: a
        // short test on a large heap may see none, so ask for one now; its notification arrives long before the end
        System.gc();
        String before = scrape();
        Api admin = api().admin();
        Instant now = clock().instant();
        long contest = Fixtures.contest(admin, Map.of("timeLimitSeconds", 600, "opensAt", now.minusSeconds(3600).toString(),
                "closesAt", now.plusSeconds(3600).toString()));
        assertThat(admin.upload("/api/admin/contests/" + contest + "/units", "units.csv", Fixtures.csv(Fixtures.units()))
                .status()).isEqualTo(200);
        assertThat(admin.upload("/api/admin/contests/" + contest + "/bank", "bank.csv", Fixtures.csv(Fixtures.bank()))
                .status()).isEqualTo(200);

        // three starts, one refused for a missing name, one for a second attempt of the same phone
        String prefix = "139" + String.format("%08d", Math.floorMod(System.nanoTime(), 100_000_000L));
        prefix = prefix.substring(0, 10);
        JsonNode a = start(contest, "甲", prefix + "1").json();
        JsonNode b = start(contest, "乙", prefix + "2").json();
        JsonNode c = start(contest, "丙", prefix + "3").json();
        assertThat(start(contest, "", prefix + "4").status()).isEqualTo(400);
        assertThat(start(contest, "甲", prefix + "1").status()).isEqualTo(409);

        // a in time (and again: the same stored result, not a second submission)
        assertThat(submit(a, Map.of(), a.get("token").asString()).json().get("late").asBoolean()).isFalse();
        assertThat(submit(a, Map.of(), a.get("token").asString()).status()).isEqualTo(200);
        // b names a question not on its paper, then comes back after the time limit and its grace: late
        assertThat(submit(b, Map.of("NOPE", List.of("x")), b.get("token").asString()).status()).isEqualTo(400);
        clock().advance(Duration.ofSeconds(600 + 15 + 5));
        Api.Response late = submit(b, Map.of(), b.get("token").asString());
        assertThat(late.status()).as(late.body()).isEqualTo(200);
        assertThat(late.json().get("late").asBoolean()).isTrue();
        // c with a wrong token, then after the close: refused
        assertThat(submit(c, Map.of(), "not-the-token").status()).isEqualTo(403);
        clock().advance(Duration.ofHours(1));
        Api.Response closed = submit(c, Map.of(), c.get("token").asString());
        assertThat(closed.status()).as(closed.body()).isEqualTo(409);
        assertThat(closed.json().get("error").asString()).isEqualTo("window_closed");

        // an offline import with a bad row (nothing imported), one of 3 rows (all perfect), a draw committed and revealed
        List<List<String>> sheet = new ArrayList<>();
        sheet.add(List.of("准考证号", "姓名", "手机号", "单位编码", "得分", "考场"));
        for (int i = 1; i <= 3; i++) {
            sheet.add(List.of("T" + i, "考生" + i, "1370000000" + i, "U1", "6", "第一考场"));
        }
        List<List<String>> bad = new ArrayList<>(sheet);
        bad.add(List.of("T4", "考生4", "13700000004", "NO-SUCH-UNIT", "6", "第一考场"));
        assertThat(admin.upload("/api/admin/contests/" + contest + "/offline-results", "bad.csv", Fixtures.csv(bad))
                .status()).isEqualTo(400);
        Api.Response imported = admin.upload("/api/admin/contests/" + contest + "/offline-results", "good.csv",
                Fixtures.csv(sheet));
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        Api.Response commit = admin.postJson("/api/admin/contests/" + contest + "/draws", Map.of("name", "抽奖", "k", 1,
                "pool", "offline-perfect", "seedSources", "现场掷骰"));
        assertThat(commit.status()).as(commit.body()).isEqualTo(201);
        assertThat(admin.postJson("/api/admin/draws/" + commit.json().get("id").asLong() + "/reveal",
                Map.of("seed", List.of("4 2 6"))).status()).isEqualTo(200);

        // five wrong passwords for one name from one address lock both; the next try is a 429
        Api intruder = api().as("intruder-" + System.nanoTime(), "wrong");
        for (int i = 0; i < 5; i++) {
            assertThat(intruder.get("/actuator/prometheus").status()).isEqualTo(401);
        }
        assertThat(intruder.get("/actuator/prometheus").status()).isEqualTo(429);
        clock().advance(Duration.ofMinutes(16)); // the address lock ends, or the administrator could not read either

        String after = scrape();
        Map<String, Double> expected = new java.util.LinkedHashMap<>();
        expected.put("baiti_starts_total", 3.0);
        expected.put("baiti_starts_refused_total|reason=invalid_field", 1.0);
        expected.put("baiti_starts_refused_total|reason=already_attempted", 1.0);
        expected.put("baiti_submissions_total|outcome=accepted", 1.0);
        expected.put("baiti_submissions_total|outcome=late", 1.0);
        expected.put("baiti_submissions_refused_total|reason=invalid_answers", 1.0);
        expected.put("baiti_submissions_refused_total|reason=forbidden", 1.0);
        expected.put("baiti_submissions_refused_total|reason=window_closed", 1.0);
        expected.put("baiti_submit_seconds_count|outcome=answered", 3.0);
        expected.put("baiti_submit_seconds_count|outcome=refused", 3.0);
        expected.put("baiti_offline_imports_total|outcome=done", 1.0);
        expected.put("baiti_offline_imports_total|outcome=failed", 1.0);
        expected.put("baiti_offline_import_rows_total", 3.0);
        expected.put("baiti_draws_committed_total", 1.0);
        expected.put("baiti_draws_revealed_total", 1.0);
        expected.put("baiti_login_lockouts_total|key=user", 1.0);
        expected.put("baiti_login_lockouts_total|key=address", 1.0);
        expected.put("baiti_rate_limited_total|limit=login", 1.0);
        expected.put("baiti_rate_limited_total|limit=start", 0.0);
        Map<String, Double> actual = new java.util.LinkedHashMap<>();
        for (String key : expected.keySet()) {
            String[] parts = key.split("\\|");
            String[] labels = java.util.Arrays.copyOfRange(parts, 1, parts.length);
            actual.put(key, value(after, parts[0], labels) - value(before, parts[0], labels));
        }
        assertThat(actual).isEqualTo(expected);

        // the submit histogram: the answered ones fell in buckets, the last bucket holds them all
        assertThat(value(after, "baiti_submit_seconds_bucket", "outcome=answered", "le=+Inf")
                - value(before, "baiti_submit_seconds_bucket", "outcome=answered", "le=+Inf")).isEqualTo(3.0);
        // group commit: the 3 starts and 2 stored submissions went through batches of at least one write each
        double batches = value(after, "baiti_group_commit_batch_count") - value(before, "baiti_group_commit_batch_count");
        double writes = value(after, "baiti_group_commit_batch_sum") - value(before, "baiti_group_commit_batch_sum");
        assertThat(writes).isGreaterThanOrEqualTo(5.0);
        assertThat(batches).isBetween(1.0, writes);
        assertThat(value(after, "baiti_group_commit_queue_wait_seconds_count")
                - value(before, "baiti_group_commit_queue_wait_seconds_count")).isEqualTo(batches);
        // the gauges read live values (not NaN: what a gauge over a collected lambda shows)
        assertThat(value(after, "baiti_group_commit_queued")).isEqualTo(0.0);
        assertThat(value(after, "baiti_offline_import_running")).isEqualTo(0.0);
        assertThat(value(after, "baiti_offline_import_rows_read")).isEqualTo(0.0);
        assertThat(value(after, "baiti_offline_import_progress")).isEqualTo(1.0);
        // the pool, the JVM and Tomcat, from their own meters
        assertThat(value(after, "jdbc_connections_max", "name=baiti")).isGreaterThan(0);
        assertThat(after).contains("jdbc_connections_active{", "jdbc_connections_idle{",
                "jvm_memory_used_bytes{", "jvm_threads_live_threads", "tomcat_threads_busy_threads{",
                "process_cpu_usage{");
        // and no per-request timer with a path in it (kept off: application.yml)
        assertThat(after).doesNotContain("http_server_requests_seconds");
        // every meter the alert rules and the dashboard read is there, whichever database (its pool's meters too)
        Set<String> alerts = metersIn(alertExpressions());
        Set<String> dashboard = metersIn(Api.JSON.readTree(read(DASHBOARD)).findValues("expr").stream()
                .map(JsonNode::asString).toList());
        assertThat(alerts).contains("jdbc_connections_active", "jdbc_connections_max");
        assertThat(dashboard).contains("jdbc_connections_active", "jdbc_connections_max");
        for (Set<String> meters : List.of(alerts, dashboard)) {
            assertThat(meters).allSatisfy(meter -> assertThat(after).as(meter).containsPattern("(?m)^" + meter + "[{ ]"));
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> alertExpressions() {
        Map<String, Object> rules = new Yaml().load(read(ALERTS));
        List<String> expressions = new ArrayList<>();
        for (Map<String, Object> group : (List<Map<String, Object>>) rules.get("groups")) {
            for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
                expressions.add((String) rule.get("expr"));
            }
        }
        return expressions;
    }

    /** The meters PromQL expressions read: names with an underscore that are not functions ({@code rate(}). */
    private static Set<String> metersIn(List<String> expressions) {
        Set<String> names = new TreeSet<>();
        Pattern meter = Pattern.compile("\\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\\b(?!\\s*\\()");
        for (String expression : expressions) {
            Matcher m = meter.matcher(expression);
            while (m.find()) {
                names.add(m.group());
            }
        }
        assertThat(names).as("the expressions were found").isNotEmpty();
        return names;
    }
}
