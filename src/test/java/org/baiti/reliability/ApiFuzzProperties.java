package org.baiti.reliability;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.baiti.Application;
import org.baiti.testing.Api;
import org.baiti.testing.App;
import org.baiti.testing.Fixtures;
import org.baiti.testing.RawHttp;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzing every API endpoint of a running Baiti (SQLite): generated paths (the endpoint's own, with path variables
 * from real ids to junk and escapes), methods, content types, headers, bodies and files. Whatever comes, the answer
 * is never a 5xx, an error is the API's JSON shape, and an import that is refused leaves the contest as it was.
 * jqwik shrinks a failure to the smallest request that shows it and prints its seed.
 */
class ApiFuzzProperties {

    private static ConfigurableApplicationContext app;
    private static int port;
    private static List<Endpoint> endpoints;
    private static long contest;
    private static String attemptId;
    private static String token;

    /** One mapped API path, with the methods it answers (all when the mapping names none). */
    record Endpoint(String pattern, List<String> methods) {
    }

    /** One generated request. */
    record Call(Endpoint endpoint, String method, List<String> variables, String contentType, String auth,
                String language, byte[] body) {
    }

    @BeforeContainer
    static void start() throws Exception {
        String dir = Files.createTempDirectory("baiti-fuzz-").toString();
        app = new SpringApplicationBuilder(Application.class).properties(Map.of(
                "server.port", "0", "baiti.data-dir", dir, "BAITI_ADMIN_PASSWORD", App.ADMIN_PASSWORD,
                "baiti.demo", "false", "baiti.rate-limit.enabled", "false",
                "baiti.login-throttle.max-failures", "1000000", "baiti.login-throttle.max-failures-per-address", "1000000"))
                .run();
        port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
        List<Endpoint> found = new ArrayList<>();
        for (RequestMappingInfo info : app.getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class)
                .getHandlerMethods().keySet()) {
            List<String> methods = info.getMethodsCondition().getMethods().stream().map(RequestMethod::name).sorted().toList();
            for (String pattern : info.getPatternValues()) {
                if (pattern.startsWith("/api/")) {
                    found.add(new Endpoint(pattern, methods.isEmpty() ? List.of("GET", "POST", "PUT", "DELETE") : methods));
                }
            }
        }
        found.sort(Comparator.comparing(Endpoint::pattern));
        endpoints = List.copyOf(found);
        Api admin = new Api(port).admin();
        contest = Fixtures.contest(admin, 5);
        admin.upload("/api/admin/contests/" + contest + "/units", "u.csv", Fixtures.csv(Fixtures.units()));
        admin.upload("/api/admin/contests/" + contest + "/bank", "b.csv", Fixtures.csv(Fixtures.bank()));
        Api.Response started = new Api(port).postJson("/api/contests/" + contest + "/attempts",
                Map.of("name", "模糊测试", "phone", "13700000000", "unit", "U1"));
        attemptId = started.json().get("attemptId").asString();
        token = started.json().get("token").asString();
    }

    @AfterContainer
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Property(tries = 600)
    void noRequestGetsA5xxAndNoRefusedImportChangesAnything(@ForAll("calls") Call call) {
        String path = path(call);
        boolean isImport = call.endpoint().pattern().matches("/api/admin/contests/\\{[^}]+}/(units|bank|offline-results|roster)");
        Map<String, Long> before = isImport ? counts() : null;
        StringBuilder head = new StringBuilder(call.method()).append(' ').append(path).append(" HTTP/1.1");
        if (call.contentType() != null) {
            head.append("\nContent-Type: ").append(call.contentType());
        }
        if (call.auth() != null) {
            head.append("\nAuthorization: ").append(call.auth());
        }
        if (call.language() != null) {
            head.append("\nAccept-Language: ").append(call.language());
        }
        RawHttp.Response r = RawHttp.send(port, head.toString(), call.body());
        assertThat(r.status()).as("%s %s (%s): %s", call.method(), path, call.contentType(), r.body()).isLessThan(500);
        if (r.status() >= 400 && r.body().startsWith("{")) {
            assertThat(Api.JSON.readTree(r.body()).get("error").asString()).as(r.body()).isNotBlank();
        }
        assertThat(r.body()).doesNotContain("Exception").doesNotContain("\tat org.");
        if (isImport && r.status() != 200) {
            assertThat(counts()).as("a refused import changes nothing: %s", r.body()).isEqualTo(before);
        }
    }

    private static Map<String, Long> counts() {
        Api admin = new Api(port).admin();
        return Map.of("units", (long) admin.get("/api/admin/contests/" + contest + "/units").json().size(),
                "bank", (long) admin.get("/api/admin/contests/" + contest + "/bank").json().size(),
                "offline", admin.get("/api/admin/contests/" + contest + "/offline-results/summary").json()
                        .get("participants").asLong());
    }

    /** The endpoint's pattern with its variables filled in, in order. */
    private static String path(Call call) {
        String p = call.endpoint().pattern();
        for (String v : call.variables()) {
            int open = p.indexOf('{');
            if (open < 0) {
                break;
            }
            int close = p.indexOf('}', open);
            p = p.substring(0, open) + v + p.substring(close + 1);
        }
        return p.replaceAll("\\{[^}]*}", "x");
    }

    @Provide
    Arbitrary<Call> calls() {
        Arbitrary<Endpoint> endpoint = Arbitraries.of(endpoints);
        Arbitrary<String> variable = Arbitraries.oneOf(
                Arbitraries.just(Long.toString(contest)), Arbitraries.just(attemptId), Arbitraries.just("U1"),
                Arbitraries.of("0", "-1", "9223372036854775807", "99999999999999999999", "abc", "%00", "%2e%2e",
                        "%E4%B8%AD", "%ZZ", "..%2F", "%0A", "1.5", "U1%20"),
                Arbitraries.strings().withCharRange('a', 'z').numeric().ofMinLength(1).ofMaxLength(20));
        Arbitrary<String> contentType = Arbitraries.oneOf(
                Arbitraries.of("application/json", "application/json; charset=GBK", "multipart/form-data",
                        "multipart/form-data; boundary=XyZ", "application/x-www-form-urlencoded", "text/plain",
                        "*/*", "application/*", "image/png", "application/json; charset=\"", ";;;", "a/b/c"),
                Arbitraries.just(null),
                Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(30));
        String adminAuth = "Basic " + Base64.getEncoder().encodeToString(("admin:" + App.ADMIN_PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        Arbitrary<String> auth = Arbitraries.oneOf(Arbitraries.just(adminAuth), Arbitraries.just(null),
                Arbitraries.of("Bearer " + token, "Bearer x", "Basic !!!", "Basic " + Base64.getEncoder()
                        .encodeToString("admin".getBytes(StandardCharsets.UTF_8)), "Negotiate abc"));
        Arbitrary<String> language = Arbitraries.oneOf(Arbitraries.just(null),
                Arbitraries.of("en", "zh-CN", "fr;q=x", "*", "en-US,en;q=0.9", "zz-ZZ"));
        Arbitrary<byte[]> body = Arbitraries.oneOf(
                Arbitraries.just(null),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(600),
                jsonish().map(s -> s.getBytes(StandardCharsets.UTF_8)),
                Arbitraries.of(Fixtures.csv(Fixtures.units()), Fixtures.csv(Fixtures.bank()), Fixtures.xlsx(Fixtures.units())),
                multipart());
        return Combinators.combine(endpoint, Arbitraries.integers().between(0, 3), variable.list().ofSize(3),
                        contentType, auth, language, body)
                .as((e, m, vars, type, a, lang, b) -> new Call(e, e.methods().get(m % e.methods().size()), vars, type,
                        a, lang, b));
    }

    private static Arbitrary<String> jsonish() {
        Arbitrary<String> value = Arbitraries.oneOf(
                Arbitraries.of("null", "true", "1", "-1", "1.5", "1e400", "2147483648", "\"\"", "\"\\u0000\"",
                        "\"\\ud800\"", "\"\u202E\"", "[]", "{}", "\"A\"", "[\"A\"]", "\"2026-01-01T00:00:00Z\"",
                        "\"-1000000000-01-01T00:00:00Z\"", "\"ADMIN\"", "\"U1\"", "\"13800138000\""),
                Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(20).map(s -> "\"" + s.replace("\\", "")
                        .replace("\"", "") + "\""));
        Arbitrary<String> key = Arbitraries.of("name", "phone", "unit", "answers", "kind", "count", "score",
                "questionsPerPaper", "timeLimitSeconds", "opensAt", "closesAt", "onlineQuota", "drawQuota", "orgQuota",
                "username", "role", "password", "displayName", "k", "pool", "seedSources", "seed", "code", "required",
                "enabled", "unitContest", "unitCode");
        return Combinators.combine(key, value).as((k, v) -> "\"" + k + "\":" + v).list().ofMaxSize(8)
                .map(pairs -> "{" + String.join(",", pairs) + "}");
    }

    private static Arbitrary<byte[]> multipart() {
        return Combinators.combine(Arbitraries.of("file", "files", "x"), Arbitraries.of("a.csv", "a.xlsx", "\u0000", ""),
                        Arbitraries.bytes().array(byte[].class).ofMaxSize(300))
                .as((field, name, content) -> {
                    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
                    out.writeBytes(("--XyZ\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\"" + name
                            + "\"\r\n\r\n").getBytes(StandardCharsets.UTF_8));
                    out.writeBytes(content);
                    out.writeBytes("\r\n--XyZ--\r\n".getBytes(StandardCharsets.UTF_8));
                    return out.toByteArray();
                });
    }
}
