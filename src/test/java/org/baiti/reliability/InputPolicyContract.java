package org.baiti.reliability;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.baiti.testing.Api;
import org.baiti.testing.App;
import org.baiti.testing.Fixtures;
import org.baiti.testing.RawHttp;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The findings of the outside probe (issue "Hostile input"), one test each: every client mistake is a 4xx in the
 * API's error shape, changes nothing, and text that enters is cleaned or refused by one policy.
 */
interface InputPolicyContract extends App {

    default int port() {
        return Integer.parseInt(api().base().substring(api().base().lastIndexOf(':') + 1));
    }

    private static String basic() {
        return "Authorization: Basic " + java.util.Base64.getEncoder()
                .encodeToString(("admin:" + App.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    private static void isApiError(RawHttp.Response r, int status, String code) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        JsonNode json = Api.JSON.readTree(r.body());
        assertThat(json.get("error").asString()).isEqualTo(code);
        assertThat(json.get("message").asString()).isNotBlank();
        assertThat(r.body()).doesNotContain("Exception").doesNotContain("at org.");
    }

    private long contestWithBankAndUnits(Api admin) {
        long id = Fixtures.contest(admin, 5);
        assertThat(admin.upload("/api/admin/contests/" + id + "/units", "u.csv", Fixtures.csv(Fixtures.units())).status()).isEqualTo(200);
        assertThat(admin.upload("/api/admin/contests/" + id + "/bank", "b.csv", Fixtures.csv(Fixtures.bank())).status()).isEqualTo(200);
        return id;
    }

    /** Finding 3: a JSON endpoint sent another content type answers 415 (or 400 for a broken multipart), never 500. */
    @Test
    default void jsonEndpointsRefuseOtherContentTypesWithA4xx() {
        long id = contestWithBankAndUnits(api().admin());
        List<String> paths = List.of("/api/contests/" + id + "/attempts", "/api/contests/" + id + "/codes",
                "/api/attempts/abc/submit", "/api/attempts/abc/signals", "/api/admin/contests",
                "/api/admin/contests/" + id + "/draws", "/api/admin/draws/1/reveal", "/api/admin/accounts",
                "/api/admin/contests/" + id + "/freeze");
        for (String path : paths) {
            for (String type : List.of("multipart/form-data", "application/*", "*/*", "text/plain; charset=\"", "%%%",
                    "\"/!")) {
                RawHttp.Response r = RawHttp.send(port(), "POST " + path + " HTTP/1.1\n" + basic()
                        + "\nContent-Type: " + type, "{\"name\":\"x\"}");
                assertThat(r.status()).as("%s as %s: %s", path, type, r.body()).isBetween(400, 499);
                assertThat(Api.JSON.readTree(r.body()).get("error").asString()).isNotBlank();
            }
        }
        RawHttp.Response star = RawHttp.send(port(), "POST /api/contests/" + id + "/attempts HTTP/1.1\nContent-Type: */*",
                "{}");
        isApiError(star, 415, "unsupported_media_type");
    }

    /** Finding 4: the imports answer 400 to a body that is not a proper multipart upload, and import nothing. */
    @Test
    default void importsRefuseBodiesThatAreNotAMultipartUpload() {
        Api admin = api().admin();
        long id = Fixtures.contest(admin, 5);
        String unitsCsv = new String(Fixtures.csv(Fixtures.units()), StandardCharsets.UTF_8);
        for (String kind : List.of("units", "bank", "offline-results", "roster")) {
            String path = "/api/admin/contests/" + id + "/" + kind;
            List<RawHttp.Response> answers = new ArrayList<>();
            answers.add(RawHttp.send(port(), "POST " + path + " HTTP/1.1\n" + basic() + "\nContent-Type: application/json", "{}"));
            answers.add(RawHttp.send(port(), "POST " + path + " HTTP/1.1\n" + basic() + "\nContent-Type: multipart/form-data",
                    unitsCsv));
            String b = "XyZ";
            answers.add(RawHttp.send(port(), "POST " + path + " HTTP/1.1\n" + basic()
                    + "\nContent-Type: multipart/form-data; boundary=" + b, "--" + b
                    + "\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\nnot a file\r\n--" + b + "--\r\n"));
            answers.add(RawHttp.send(port(), "POST " + path + " HTTP/1.1\n" + basic()
                    + "\nContent-Type: multipart/form-data; boundary=" + b, "--" + b
                    + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"u.csv\"\r\n\r\n" + unitsCsv));
            answers.add(RawHttp.send(port(), "POST " + path + " HTTP/1.1\n" + basic()
                    + "\nContent-Type: multipart/form-data; boundary=" + b, "--" + b
                    + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"u\u0000.csv\"\r\n\r\n" + unitsCsv
                    + "\r\n--" + b + "--\r\n"));
            for (RawHttp.Response r : answers) {
                assertThat(r.status()).as("%s: %s", kind, r.body()).isBetween(400, 499);
                assertThat(Api.JSON.readTree(r.body()).get("error").asString()).isNotBlank();
            }
        }
        assertThat(admin.get("/api/admin/contests/" + id + "/units").json().size()).as("nothing imported").isZero();
    }

    /** Finding 5: instants far from any contest are a field error, not an overflow. */
    @Test
    default void contestTimesFarFromAnyContestAreRefused() {
        Api admin = api().admin();
        for (String[] times : List.of(new String[] {"-1000000000-01-01T00:00:00Z", "2027-01-01T00:00:00Z"},
                new String[] {"2026-01-01T00:00:00Z", "+1000000000-01-01T00:00:00Z"},
                new String[] {"1999-12-31T23:59:59Z", "2027-01-01T00:00:00Z"})) {
            Api.Response r = admin.postJson("/api/admin/contests", Map.of("name", "x", "questionsPerPaper", 5,
                    "timeLimitSeconds", 600, "opensAt", times[0], "closesAt", times[1], "onlineQuota", 1,
                    "drawQuota", 1, "orgQuota", 1));
            assertThat(r.status()).as(r.body()).isEqualTo(400);
            assertThat(r.json().get("error").asString()).isEqualTo("invalid_field");
            assertThat(r.body()).contains(times[0].startsWith("2026") ? "closesAt" : "opensAt");
        }
    }

    /** Finding 6: a password bcrypt would cut is refused with the reason. */
    @Test
    default void aPasswordLongerThanBcryptReadsIsRefused() {
        Api admin = api().admin();
        Api.Response r = admin.postJson("/api/admin/accounts", Map.of("username", "longpw", "role", "JUDGE",
                "password", "中".repeat(25)));
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.body()).contains("password").contains("72");
        assertThat(admin.postJson("/api/admin/accounts", Map.of("username", "longpw", "role", "JUDGE",
                "password", "中".repeat(24))).status()).as("72 bytes exactly").isEqualTo(201);
    }

    /** Finding 7: a count that does not fit is a 400. */
    @Test
    default void aSignalCountThatDoesNotFitIsRefused() {
        long id = contestWithBankAndUnits(api().admin());
        Api.Response start = api().postJson("/api/contests/" + id + "/attempts",
                Map.of("name", "张三", "phone", "13800138000", "unit", "U1"));
        assertThat(start.status()).as(start.body()).isEqualTo(201);
        String attempt = start.json().get("attemptId").asString();
        String token = start.json().get("token").asString();
        for (String count : List.of("2147483648", "-1", "1.5", "1e400", "99999999999999999999999")) {
            Api.Response r = api().postJson("/api/attempts/" + attempt + "/signals",
                    "{\"kind\":\"page_hidden\",\"count\":" + count + "}", token);
            assertThat(r.status()).as("%s: %s", count, r.body()).isEqualTo(400);
        }
        assertThat(api().postJson("/api/attempts/" + attempt + "/signals", "{\"kind\":\"page_hidden\",\"count\":3}",
                token).status()).isEqualTo(204);
    }

    /** Finding 8: a form body with a line feed in a parameter name is the firewall's 400, without a token. */
    @Test
    default void aParameterNameTheFirewallRefusesIsA400() {
        RawHttp.Response r = RawHttp.send(port(), "POST /api/attempts/abc/submit HTTP/1.1\n"
                + "Content-Type: application/x-www-form-urlencoded", "a%0Ab=1");
        isApiError(r, 400, "rejected_request");
        org.baiti.testing.WebSession web = new org.baiti.testing.WebSession(api());
        String csrf = web.get("/login").csrf();
        org.baiti.testing.WebSession.Page nul = web.post("/login", Map.of("username", "a\u0000b", "password", "x",
                "_csrf", csrf));
        assertThat(nul.status()).as("a NUL in a form value: %s", nul.body()).isEqualTo(400);
        RawHttp.Response query = RawHttp.send(port(), "GET /api/contests/1/ranking?limit=1%00 HTTP/1.1");
        isApiError(query, 400, "rejected_request");
    }

    /** Form bodies Tomcat cannot decode (found by the fuzzer): a 400 in the API's shape, and a 400 page on forms. */
    @Test
    default void aFormBodyThatCannotBeDecodedIsA400() {
        for (String body : List.of("a=%ZZ", "a=%", "a&&&=b")) {
            RawHttp.Response r = RawHttp.send(port(), "POST /api/admin/accounts HTTP/1.1\n" + basic()
                    + "\nContent-Type: application/x-www-form-urlencoded", body);
            isApiError(r, 400, "malformed_parameters");
        }
        RawHttp.Response page = RawHttp.send(port(), "POST /login HTTP/1.1\n"
                + "Content-Type: application/x-www-form-urlencoded", "username=%ZZ&password=x");
        assertThat(page.status()).as(page.body()).isEqualTo(400);
        assertThat(page.body()).doesNotContain("Exception");
    }

    /** Finding 9: a forged Host never reaches the stage screen's links or a publicly cached QR code. */
    @Test
    default void aForgedHostReachesNoPublicLinkAndNoCachedQrCode() {
        Api admin = api().admin();
        long id = contestWithBankAndUnits(admin);
        List<List<String>> sheet = new ArrayList<>();
        sheet.add(List.of("准考证号", "姓名", "手机号", "单位编码", "得分"));
        for (int i = 0; i < 5; i++) {
            sheet.add(List.of("T" + i, "李" + i, "1390000000" + i, "U1", "6"));
        }
        assertThat(admin.upload("/api/admin/contests/" + id + "/offline-results", "o.csv", Fixtures.csv(sheet)).status())
                .isEqualTo(200);
        Api.Response draw = admin.postJson("/api/admin/contests/" + id + "/draws",
                Map.of("name", "抽奖", "k", 2, "pool", "offline-perfect", "seedSources", "现场摇号"));
        assertThat(draw.status()).as(draw.body()).isEqualTo(201);
        long drawId = draw.json().get("id").asLong();
        for (String path : List.of("/draws/" + drawId + "/stage", "/draws/" + drawId + "/qr.svg", "/draws/" + drawId)) {
            RawHttp.Response forged = RawHttp.send(port(), "GET " + path + " HTTP/1.1\nHost: evil.example");
            assertThat(forged.body()).as(path).doesNotContain("evil.example");
            assertThat(forged.status()).as(path).isEqualTo(400);
        }
        RawHttp.Response own = RawHttp.send(port(), "GET /draws/" + drawId + "/qr.svg HTTP/1.1\nHost: localhost:" + port());
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.body()).contains("http://localhost:" + port() + "/draws/" + drawId);
        assertThat(own.header("Cache-Control")).as("a QR code built from the request is not cached publicly")
                .doesNotContain("public");
    }

    /** Finding 10: names that are control characters, direction overrides, invisible or broken are refused everywhere. */
    @Test
    default void namesThatAreNotVisibleTextAreRefusedWhereverTheyEnter() {
        Api admin = api().admin();
        long id = contestWithBankAndUnits(admin);
        List<String> bad = List.of("\u0000", "张\u0007三", "\u202E1300", "\u200B\u200C\u200D", "\u2066王五\u2069",
                "李\nfour");
        int n = 0;
        for (String name : bad) {
            Api.Response r = api().postJson("/api/contests/" + id + "/attempts",
                    Map.of("name", name, "phone", "1380013800" + (n++), "unit", "U1"));
            assertThat(r.status()).as("start with %s: %s", name.codePoints().boxed().toList(), r.body()).isEqualTo(400);
        }
        // a lone surrogate, written as JSON escapes
        Api.Response lone = api().postJson("/api/contests/" + id + "/attempts",
                "{\"name\":\"\\ud800\",\"phone\":\"13800138009\",\"unit\":\"U1\"}");
        assertThat(lone.status()).as(lone.body()).isEqualTo(400);
        assertThat(admin.get("/api/contests/" + id + "/ranking").status()).isEqualTo(200);

        Api.Response nfd = api().postJson("/api/contests/" + id + "/attempts",
                Map.of("name", "Jose\u0301", "phone", "13800138010", "unit", "U1"));
        assertThat(nfd.status()).as(nfd.body()).isEqualTo(201);

        for (String name : bad.subList(0, 5)) { // a line break is allowed in imported cells (question texts have them)
            List<List<String>> sheet = List.of(List.of("准考证号", "姓名", "手机号", "单位编码", "得分"),
                    List.of("T1", "正常", "13900000001", "U1", "6"), List.of("T2", name, "13900000002", "U1", "6"));
            Api.Response r = admin.upload("/api/admin/contests/" + id + "/offline-results", "o.csv", Fixtures.csv(sheet));
            assertThat(r.status()).as("offline import with %s: %s", name.codePoints().boxed().toList(), r.body()).isEqualTo(400);
            if (!name.contains("\u0000")) { // a NUL byte makes the whole file "not text" before any row is read
                assertThat(r.json().get("details").get(0).get("row").asInt()).isEqualTo(3);
            }
        }
        assertThat(admin.get("/api/admin/contests/" + id + "/offline-results/summary").json().get("participants").asLong())
                .as("nothing of the refused files").isZero();
        Api.Response account = admin.postJson("/api/admin/accounts", Map.of("username", "judge-x", "role", "JUDGE",
                "password", "a-long-password", "displayName", "\u202Enimda"));
        assertThat(account.status()).as(account.body()).isEqualTo(400);
        assertThat(account.body()).contains("displayName");
        Api.Response contest = admin.postJson("/api/admin/contests", Map.of("name", "\u200B\u2060", "questionsPerPaper", 5,
                "timeLimitSeconds", 600, "opensAt", "2026-01-01T00:00:00Z", "closesAt", "2027-01-01T00:00:00Z",
                "onlineQuota", 1, "drawQuota", 1, "orgQuota", 1));
        assertThat(contest.status()).as(contest.body()).isEqualTo(400);
    }

    /** Finding 11: account names are one name without regard to case. */
    @Test
    default void accountNamesDifferingOnlyInCaseAreOneName() {
        Api admin = api().admin();
        assertThat(admin.postJson("/api/admin/accounts", Map.of("username", "Case-x", "role", "JUDGE",
                "password", "a-long-password")).status()).isEqualTo(201);
        Api.Response twin = admin.postJson("/api/admin/accounts", Map.of("username", "case-X", "role", "ORGANIZER",
                "password", "a-long-password"));
        assertThat(twin.status()).as(twin.body()).isEqualTo(409);
        assertThat(api().as("CASE-X", "a-long-password").get("/api/admin/contests").status())
                .as("the one account, whatever case the name is typed in").isEqualTo(200);
    }

    /** Finding 12: a CSV whose rows mix encodings, or hold bytes no encoding reads, is refused with the rows named. */
    @Test
    default void aCsvMixingEncodingsIsRefusedWithItsRowsNamed() {
        Api admin = api().admin();
        long id = Fixtures.contest(admin, 5);
        Charset gbk = Charset.forName("GB18030");
        byte[] header = "单位编码,单位名称,上级单位编码,应参赛人数\r\n".getBytes(gbk);
        byte[] gbRows = "U1,市教育局,,300\r\nU2,东城区,,500\r\nU3,西城区,,400\r\n".getBytes(gbk);
        byte[] utf8Row = "U4,南城区人民政府办公室,,200\r\n".getBytes(StandardCharsets.UTF_8);
        Api.Response mixed = admin.upload("/api/admin/contests/" + id + "/units", "u.csv", concat(header, gbRows, utf8Row));
        assertThat(mixed.status()).as(mixed.body()).isEqualTo(400);
        assertThat(mixed.json().get("details").size()).isEqualTo(1);
        assertThat(mixed.json().get("details").get(0).get("row").asInt()).isEqualTo(5);

        byte[] utf8 = "单位编码,单位名称,上级单位编码,应参赛人数\r\nU1,市教育局,,300\r\nU2,东城区,,500\r\n".getBytes(StandardCharsets.UTF_8);
        byte[] broken = concat(utf8, new byte[] {'U', '3', ',', (byte) 0xFF, (byte) 0xFE, 'x', ',', ',', '1', '\r', '\n'});
        Api.Response undecodable = admin.upload("/api/admin/contests/" + id + "/units", "u.csv", broken);
        assertThat(undecodable.status()).as(undecodable.body()).isEqualTo(400);
        assertThat(undecodable.json().get("details").get(0).get("row").asInt()).isEqualTo(4);

        byte[] bom = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, utf8,
                "U3,西城区,,400\r\n".getBytes(gbk));
        Api.Response bomMixed = admin.upload("/api/admin/contests/" + id + "/units", "u.csv", bom);
        assertThat(bomMixed.status()).as(bomMixed.body()).isEqualTo(400);
        assertThat(bomMixed.json().get("details").get(0).get("row").asInt()).isEqualTo(4);
        assertThat(admin.get("/api/admin/contests/" + id + "/units").json().size()).isZero();

        assertThat(admin.upload("/api/admin/contests/" + id + "/units", "u.csv", concat(header, gbRows)).status())
                .as("a GBK file alone still imports").isEqualTo(200);
    }

    /** Finding 13: question texts have limits, and the row is named. */
    @Test
    default void overlongQuestionTextsAreRefusedWithTheRowNamed() {
        Api admin = api().admin();
        long id = Fixtures.contest(admin, 5);
        List<List<String>> rows = new ArrayList<>(Fixtures.bank());
        rows.add(List.of("Q7", "单选", "长".repeat(100_000), "a", "b", "", "", "A", "1", "", ""));
        rows.add(List.of("Q8", "单选", "短题干", "选".repeat(600), "b", "", "", "A", "1", "", "解".repeat(6000)));
        Api.Response r = admin.upload("/api/admin/contests/" + id + "/bank", "b.csv", Fixtures.csv(rows));
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        JsonNode details = r.json().get("details");
        assertThat(details.size()).isEqualTo(3);
        assertThat(details.get(0).get("row").asInt()).isEqualTo(8);
        assertThat(details.get(0).get("column").asString()).contains("stem");
        assertThat(details.get(1).get("row").asInt()).isEqualTo(9);
        assertThat(details.get(2).get("column").asString()).contains("explanation");
        assertThat(admin.get("/api/admin/contests/" + id + "/bank").json().size()).isZero();
    }

    /** Finding 15: the admin API reads JSON as written — a number is not a role, 1.5 is not a mark. */
    @Test
    default void theAdminApiRefusesCoercedValues() {
        Api admin = api().admin();
        long id = contestWithBankAndUnits(admin);
        Api.Response role = admin.postJson("/api/admin/accounts", "{\"username\":\"coerce\",\"role\":1,\"password\":\"a-long-password\"}");
        assertThat(role.status()).as(role.body()).isEqualTo(400);
        assertThat(role.json().get("error").asString()).isEqualTo("malformed_body");
        Api.Response mark = admin.putJson("/api/admin/contests/" + id + "/units/U1/attention", "{\"score\":1.5}");
        assertThat(mark.status()).as(mark.body()).isEqualTo(400);
        Api.Response text = admin.putJson("/api/admin/contests/" + id + "/units/U1/attention", "{\"score\":\"50\"}");
        assertThat(text.status()).as(text.body()).isEqualTo(400);
        assertThat(admin.putJson("/api/admin/contests/" + id + "/units/U1/attention", "{\"score\":50}").status()).isEqualTo(200);
    }

    /** Errors speak the request's language; the code does not change. */
    @Test
    default void errorMessagesFollowTheRequestedLanguage() {
        RawHttp.Response zh = RawHttp.send(port(), "GET /api/no-such-thing HTTP/1.1");
        RawHttp.Response en = RawHttp.send(port(), "GET /api/no-such-thing HTTP/1.1\nAccept-Language: en");
        isApiError(zh, 404, "not_found");
        isApiError(en, 404, "not_found");
        assertThat(Api.JSON.readTree(zh.body()).get("message").asString()).isEqualTo("未找到");
        assertThat(Api.JSON.readTree(en.body()).get("message").asString()).isEqualTo("Not found");
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
