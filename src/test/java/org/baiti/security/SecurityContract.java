package org.baiti.security;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.baiti.testing.Api;
import org.baiti.testing.App;
import org.baiti.testing.Fixtures;
import org.baiti.testing.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each role's limits over HTTP, account management, CSRF, cookies and headers (docs/security.md), on SQLite and
 * PostgreSQL. Nothing here fails a login, so the login throttle never interferes (see LoginProtectionContract).
 */
interface SecurityContract extends App {

    default JdbcClient jdbc() {
        return bean(JdbcClient.class);
    }

    /** A contest with the small unit tree (U1 > U1-1 > U1-1-1, U2 > U2-1) and bank. */
    private long contestWithUnits(Api admin) {
        long id = Fixtures.contest(admin, 5);
        assertThat(admin.upload("/api/admin/contests/" + id + "/units", "units.csv", Fixtures.csv(Fixtures.units())).status()).isEqualTo(200);
        assertThat(admin.upload("/api/admin/contests/" + id + "/bank", "bank.csv", Fixtures.csv(Fixtures.bank())).status()).isEqualTo(200);
        return id;
    }

    @Test
    default void anAnonymousCallerReachesNoAdminApi() {
        long id = contestWithUnits(api().admin());
        Api anonymous = api();
        String c = "/api/admin/contests/" + id;
        List<Api.Response> answers = List.of(
                anonymous.get("/api/admin/contests"),
                anonymous.get(c),
                anonymous.get(c + "/units"),
                anonymous.get(c + "/units/U1"),
                anonymous.get(c + "/bank"),
                anonymous.get("/api/admin/accounts"),
                anonymous.get("/api/admin/audit"),
                anonymous.get("/api/admin/audit/verify"),
                anonymous.postJson("/api/admin/contests", Map.of("name", "x")),
                anonymous.putJson(c, Map.of("name", "x")),
                anonymous.postJson(c + "/freeze", ""),
                anonymous.putJson(c + "/units/U1/attention", Map.of("score", 1)),
                anonymous.upload(c + "/units", "u.csv", Fixtures.csv(Fixtures.units())),
                anonymous.upload(c + "/offline-results", "o.csv", "x".getBytes()),
                anonymous.postJson("/api/admin/accounts", Map.of("username", "eve", "role", "ADMIN", "password", "0123456789")),
                anonymous.putJson("/api/admin/accounts/admin", Map.of("password", "0123456789")));
        for (Api.Response r : answers) {
            assertThat(r.status()).as(r.body()).isEqualTo(401);
            assertThat(r.json().get("error").asString()).isEqualTo("unauthorized");
        }
        assertThat(api().admin().get(c).json().get("frozenAt")).as("nothing changed").isNull();
    }

    @Test
    default void aCoordinatorSeesOnlyItsOwnUnitTreeAndGets403ForAnotherUnitsData() {
        Api admin = api().admin();
        long id = contestWithUnits(admin);
        long other = contestWithUnits(admin);
        Api coordinator = Staffing.account(admin, "COORDINATOR", id, "U1");
        String c = "/api/admin/contests/" + id;

        JsonNode units = coordinator.get(c + "/units").json();
        List<String> codes = new ArrayList<>();
        units.forEach(u -> codes.add(u.get("code").asString()));
        assertThat(codes).containsExactlyInAnyOrder("U1", "U1-1", "U1-1-1");
        assertThat(coordinator.get(c + "/units/U1-1-1").status()).isEqualTo(200);

        Api.Response otherUnit = coordinator.get(c + "/units/U2");
        assertThat(otherUnit.status()).isEqualTo(403);
        assertThat(otherUnit.json().get("error").asString()).isEqualTo("forbidden");
        assertThat(otherUnit.json().get("message").asString()).isEqualTo("不属于您管理的单位");
        assertThat(coordinator.accepting("en").get(c + "/units/U2").json().get("message").asString())
                .isEqualTo("Not one of your units");
        assertThat(coordinator.get(c + "/units/U2-1").status()).isEqualTo(403);

        List<Long> contests = new ArrayList<>();
        coordinator.get("/api/admin/contests").json().forEach(x -> contests.add(x.get("id").asLong()));
        assertThat(contests).containsExactly(id);
        assertThat(coordinator.get("/api/admin/contests/" + other).status()).isEqualTo(403);
        assertThat(coordinator.get("/api/admin/contests/" + other + "/units").status()).isEqualTo(403);

        assertThat(coordinator.get(c + "/bank").status()).as("the key is not a coordinator's business").isEqualTo(403);
        assertThat(coordinator.upload(c + "/units", "units.csv", Fixtures.csv(Fixtures.units())).status()).isEqualTo(403);
        assertThat(coordinator.putJson(c + "/units/U1/attention", Map.of("score", 100)).status()).isEqualTo(403);
        assertThat(coordinator.postJson(c + "/freeze", "").status()).isEqualTo(403);
        assertThat(coordinator.get("/api/admin/audit").status()).isEqualTo(403);
        assertThat(admin.get(c + "/units/U1").json().get("attention")).as("no mark was set").isNull();
    }

    @Test
    default void aJudgeMarksAttentionButCannotImportOrChangeAContest() {
        Api admin = api().admin();
        long id = contestWithUnits(admin);
        Api judge = Staffing.account(admin, "JUDGE", null, null);
        String c = "/api/admin/contests/" + id;

        assertThat(judge.get(c).status()).isEqualTo(200);
        assertThat(judge.get(c + "/units").json()).hasSize(5);
        Api.Response mark = judge.putJson(c + "/units/U2/attention", Map.of("score", 75));
        assertThat(mark.status()).as(mark.body()).isEqualTo(200);
        assertThat(admin.get(c + "/units/U2").json().get("attention").asInt()).isEqualTo(75);

        Api.Response importUnits = judge.upload(c + "/units", "units.csv", Fixtures.csv(Fixtures.units()));
        assertThat(importUnits.status()).isEqualTo(403);
        assertThat(importUnits.json().get("error").asString()).isEqualTo("forbidden");
        assertThat(judge.upload(c + "/bank", "bank.csv", Fixtures.csv(Fixtures.bank())).status()).isEqualTo(403);
        assertThat(judge.upload(c + "/offline-results", "o.csv", "x".getBytes()).status()).isEqualTo(403);
        assertThat(judge.get(c + "/bank").status()).isEqualTo(403);
        assertThat(judge.postJson("/api/admin/contests", Map.of("name", "x")).status()).isEqualTo(403);
        assertThat(judge.postJson(c + "/freeze", "").status()).isEqualTo(403);
        assertThat(judge.get("/api/admin/accounts").status()).isEqualTo(403);
    }

    @Test
    default void anAuditorReadsEverythingAndChangesNothing() {
        Api admin = api().admin();
        long id = contestWithUnits(admin);
        Api auditor = Staffing.account(admin, "AUDITOR", null, null);
        String c = "/api/admin/contests/" + id;

        for (String path : List.of("/api/admin/contests", c, c + "/units", c + "/units/U2-1", c + "/bank",
                "/api/admin/audit", "/api/admin/audit/verify")) {
            assertThat(auditor.get(path).status()).as(path).isEqualTo(200);
        }
        List<Api.Response> changes = List.of(
                auditor.postJson("/api/admin/contests", Map.of("name", "x")),
                auditor.putJson(c, Map.of("name", "x")),
                auditor.postJson(c + "/freeze", ""),
                auditor.putJson(c + "/units/U1/attention", Map.of("score", 1)),
                auditor.upload(c + "/bank", "bank.csv", Fixtures.csv(Fixtures.bank())),
                auditor.upload(c + "/offline-results", "o.csv", "x".getBytes()),
                auditor.postJson("/api/admin/accounts", Map.of("username", "eve", "role", "ADMIN", "password", "0123456789")));
        for (Api.Response r : changes) {
            assertThat(r.status()).as(r.body()).isEqualTo(403);
            assertThat(r.json().get("error").asString()).isEqualTo("forbidden");
        }
        assertThat(auditor.get("/api/admin/accounts").status()).as("accounts are the administrator's").isEqualTo(403);
        assertThat(admin.get(c).json().get("frozenAt")).isNull();
    }

    @Test
    default void anOrganizerRunsContestsButNotAccountsOrTheAuditTrail() {
        Api admin = api().admin();
        Api organizer = Staffing.account(admin, "ORGANIZER", null, null);
        long id = Fixtures.contest(organizer, 5);
        assertThat(organizer.upload("/api/admin/contests/" + id + "/units", "units.csv", Fixtures.csv(Fixtures.units())).status()).isEqualTo(200);
        assertThat(organizer.postJson("/api/admin/contests/" + id + "/freeze", "").status()).isEqualTo(200);
        assertThat(organizer.get("/api/admin/accounts").status()).isEqualTo(403);
        assertThat(organizer.postJson("/api/admin/accounts", Map.of("username", "eve", "role", "ADMIN", "password", "0123456789")).status()).isEqualTo(403);
        assertThat(organizer.putJson("/api/admin/accounts/admin", Map.of("password", "0123456789")).status()).isEqualTo(403);
        assertThat(organizer.get("/api/admin/audit").status()).isEqualTo(403);
    }

    @Test
    default void accountsAreCreatedWithHashedPasswordsAndValidated() {
        Api admin = api().admin();
        long id = contestWithUnits(admin);
        String name = "coord" + System.nanoTime();
        Api.Response created = admin.postJson("/api/admin/accounts", Map.of("username", name, "role", "COORDINATOR",
                "password", "a-long-password", "displayName", "王联络", "unitContest", id, "unitCode", "U1-1"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.body()).doesNotContain("a-long-password").doesNotContainIgnoringCase("hash");
        assertThat(created.json().get("unitCode").asString()).isEqualTo("U1-1");
        String hash = jdbc().sql("SELECT password_hash FROM account WHERE username = ?").param(name).query(String.class).single();
        assertThat(hash).as("delegating encoder, bcrypt by default").startsWith("{bcrypt}$2");

        JsonNode all = admin.get("/api/admin/accounts").json();
        assertThat(all.toString()).contains(name).doesNotContain("{bcrypt}").doesNotContain("password");
        assertThat(admin.as(name, "a-long-password").get("/api/admin/contests/" + id + "/units").json()).hasSize(2);

        Map<String, Object> tooShort = Map.of("username", "short" + System.nanoTime(), "role", "JUDGE", "password", "123456789");
        Api.Response shortAnswer = admin.postJson("/api/admin/accounts", tooShort);
        assertThat(shortAnswer.status()).isEqualTo(400);
        assertThat(shortAnswer.json().get("details").get(0).get("field").asString()).isEqualTo("password");

        Api.Response duplicate = admin.postJson("/api/admin/accounts", Map.of("username", name, "role", "JUDGE", "password", "0123456789"));
        assertThat(duplicate.status()).isEqualTo(409);

        Api.Response noUnit = admin.postJson("/api/admin/accounts", Map.of("username", "c" + System.nanoTime(),
                "role", "COORDINATOR", "password", "0123456789", "unitContest", id, "unitCode", "NOPE"));
        assertThat(noUnit.status()).isEqualTo(400);
        assertThat(noUnit.json().get("details").get(0).get("field").asString()).isEqualTo("unitCode");

        Api.Response badRole = admin.postJson("/api/admin/accounts", "{\"username\":\"x1\",\"role\":\"KING\",\"password\":\"0123456789\"}");
        assertThat(badRole.status()).isEqualTo(400);

        Api.Response lastAdmin = admin.putJson("/api/admin/accounts/admin", Map.of("enabled", false));
        assertThat(lastAdmin.status()).isEqualTo(409);
        assertThat(lastAdmin.json().get("error").asString()).isEqualTo("last_admin");
        assertThat(admin.get("/api/admin/accounts").status()).isEqualTo(200);

        JsonNode audit = admin.get("/api/admin/audit?action=account.create").json().get("entries");
        assertThat(audit.toString()).contains(name).doesNotContain("a-long-password");
    }

    @Test
    default void everyAnswerCarriesTheSecurityHeaders() {
        Api admin = api().admin();
        long id = contestWithUnits(admin);
        WebSession web = new WebSession(api());
        String basic = "Basic " + java.util.Base64.getEncoder().encodeToString(("admin:" + ADMIN_PASSWORD).getBytes());
        List<WebSession.Page> pages = List.of(
                web.get("/"),
                web.get("/login"),
                web.get("/api/contests/" + id + "/units?q=U"),
                web.get("/api/admin/contests/" + id, Map.of("Authorization", basic)),
                web.get("/api/admin/contests/" + id),
                web.get("/css/baiti.css"));
        for (WebSession.Page p : pages) {
            assertThat(p.header("Content-Security-Policy")).as("CSP").contains("default-src 'self'")
                    .contains("script-src 'self'").doesNotContain("unsafe-inline' 'self'; script")
                    .contains("frame-ancestors 'self'");
            assertThat(p.header("Content-Security-Policy").replaceAll("style-src[^;]*;", ""))
                    .as("no inline script allowed").doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
            assertThat(p.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(p.header("X-Frame-Options")).isEqualTo("SAMEORIGIN");
            assertThat(p.header("Referrer-Policy")).isEqualTo("same-origin");
        }
    }

    @Test
    default void theSessionCookieIsHttpOnlyAndSameSite() {
        WebSession web = new WebSession(api());
        WebSession.Page login = web.login("admin", ADMIN_PASSWORD);
        assertThat(login.status()).isEqualTo(302);
        assertThat(login.location()).endsWith("/admin");
        String cookie = login.headers().allValues("Set-Cookie").stream().filter(s -> s.startsWith("SESSION="))
                .findFirst().orElseThrow(() -> new AssertionError("no session cookie: " + login.headers()));
        assertThat(cookie).contains("HttpOnly").containsIgnoringCase("SameSite=Lax");
        assertThat(web.get("/admin").status()).isEqualTo(200);
    }

    @Test
    default void thePageSessionLivesInTheDatabaseNotInTheNode() {
        WebSession web = new WebSession(api());
        assertThat(web.login("admin", ADMIN_PASSWORD).status()).isEqualTo(302);
        assertThat(web.get("/admin").status()).isEqualTo(200);
        // Stored with its principal where every node reads it (Spring Session JDBC, tables from migration V44).
        assertThat(jdbc().sql("SELECT COUNT(*) FROM spring_session WHERE principal_name = 'admin'").query(Long.class).single())
                .isPositive();
        assertThat(jdbc().sql("SELECT COUNT(*) FROM spring_session_attributes a JOIN spring_session s"
                + " ON s.primary_id = a.session_primary_id WHERE s.principal_name = 'admin'").query(Long.class).single())
                .as("security context and CSRF token are session attributes").isGreaterThanOrEqualTo(2);
        // Gone from the database (expired, or signed out on another node): signed out here too.
        jdbc().sql("DELETE FROM spring_session WHERE principal_name = 'admin'").update();
        WebSession.Page after = web.get("/admin");
        assertThat(after.status()).isEqualTo(302);
        assertThat(after.location()).endsWith("/login");
    }

    /** The session store of the running application. */
    default org.springframework.session.jdbc.JdbcIndexedSessionRepository sessions() {
        return bean(org.springframework.session.jdbc.JdbcIndexedSessionRepository.class);
    }

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    default void twoRequestsOfOneSessionAddingTheSameAttributeAtOnceBothSucceed() {
        org.springframework.session.SessionRepository<org.springframework.session.Session> sessions =
                (org.springframework.session.SessionRepository) sessions();
        org.springframework.session.Session session = sessions.createSession();
        sessions.save(session);
        // As two nodes would: each loads the session, each adds the same new attribute, each saves.
        org.springframework.session.Session first = sessions.findById(session.getId());
        org.springframework.session.Session second = sessions.findById(session.getId());
        first.setAttribute("notice", "一");
        second.setAttribute("notice", "二");
        sessions.save(first);
        sessions.save(second);
        assertThat((String) sessions.findById(session.getId()).getAttribute("notice")).isEqualTo("二");
        sessions.deleteById(session.getId());
    }

    @Test
    default void aFormPostedWithoutItsCsrfTokenIsRefusedAndChangesNothing() {
        WebSession web = new WebSession(api());
        assertThat(web.login("admin", ADMIN_PASSWORD).status()).isEqualTo(302);
        WebSession.Page admin = web.get("/admin");
        String name = "CSRF " + System.nanoTime();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("name", name);
        form.put("questionsPerPaper", "5");
        form.put("timeLimitMinutes", "10");
        form.put("opensAt", "2030-01-01T08:00");
        form.put("closesAt", "2030-01-02T08:00");

        WebSession.Page forged = web.post("/admin/contests", form);
        assertThat(forged.status()).isEqualTo(403);
        form.put("_csrf", "not-the-token");
        assertThat(web.post("/admin/contests", form).status()).isEqualTo(403);
        assertThat(api().admin().get("/api/admin/contests").body()).doesNotContain(name);

        form.put("_csrf", admin.csrf());
        WebSession.Page real = web.post("/admin/contests", form);
        assertThat(real.status()).as("the same form with its token goes through").isEqualTo(302);
        assertThat(api().admin().get("/api/admin/contests").body()).contains(name);
    }

    @Test
    default void pagesFollowTheSameRoles() {
        Api admin = api().admin();
        long id = contestWithUnits(admin);
        long other = contestWithUnits(admin);
        Staffing.Member coordinatorApi = Staffing.member(admin, "COORDINATOR", id, "U2");
        Staffing.Member organizerApi = Staffing.member(admin, "ORGANIZER", null, null);
        Staffing.Member auditorApi = Staffing.member(admin, "AUDITOR", null, null);

        WebSession coordinator = login(coordinatorApi);
        assertThat(coordinator.get("/admin").body()).contains("/admin/contests/" + id).doesNotContain("/admin/contests/" + other);
        assertThat(coordinator.get("/admin/contests/" + id).status()).isEqualTo(200);
        WebSession.Page refused = coordinator.get("/admin/contests/" + other);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body()).contains("不属于您管理的单位").doesNotContain("Exception");
        String units = coordinator.get("/admin/contests/" + id + "/units").body();
        assertThat(units).contains("东城区街道办").doesNotContain("第一中学");
        assertThat(coordinator.get("/admin/contests/" + id + "/bank").status()).isEqualTo(403);
        assertThat(coordinator.get("/admin/accounts").status()).isEqualTo(403);

        WebSession organizer = login(organizerApi);
        assertThat(organizer.get("/admin/accounts").status()).isEqualTo(403);
        assertThat(organizer.get("/admin/audit").status()).isEqualTo(403);
        assertThat(organizer.get("/admin").body()).contains("新建竞赛");

        WebSession auditor = login(auditorApi);
        WebSession.Page list = auditor.get("/admin");
        assertThat(list.body()).doesNotContain("新建竞赛").contains("/admin/audit");
        assertThat(auditor.get("/admin/audit").status()).isEqualTo(200);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("name", "auditor's contest");
        form.put("opensAt", "2030-01-01T08:00");
        form.put("closesAt", "2030-01-02T08:00");
        form.put("_csrf", list.csrf());
        assertThat(auditor.post("/admin/contests", form).status()).isEqualTo(403);

        WebSession adminPages = new WebSession(api());
        adminPages.login("admin", ADMIN_PASSWORD);
        WebSession.Page accounts = adminPages.get("/admin/accounts");
        assertThat(accounts.status()).isEqualTo(200);
        assertThat(accounts.body()).contains(coordinatorApi.username()).doesNotContain("{bcrypt}");
    }

    @Test
    default void theAdministratorManagesAccountsOnThePage() {
        Api admin = api().admin();
        WebSession web = new WebSession(api());
        web.login("admin", ADMIN_PASSWORD);
        WebSession.Page page = web.get("/admin/accounts");
        String name = "judge" + System.nanoTime();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("username", name);
        form.put("displayName", "李评委");
        form.put("role", "JUDGE");
        form.put("password", "judge-password");
        form.put("unitContest", "");
        form.put("unitCode", "");
        form.put("_csrf", page.csrf());
        WebSession.Page created = web.post("/admin/accounts", form);
        assertThat(created.status()).isEqualTo(302);
        assertThat(web.get("/admin/accounts").body()).contains(name).contains("李评委");
        assertThat(admin.as(name, "judge-password").get("/api/admin/contests").status()).isEqualTo(200);

        Map<String, String> disable = new LinkedHashMap<>();
        disable.put("enabled", "false");
        disable.put("_csrf", page.csrf());
        assertThat(web.post("/admin/accounts/" + name, disable).status()).isEqualTo(302);
        JsonNode account = null;
        for (JsonNode a : admin.get("/api/admin/accounts").json()) {
            if (a.get("username").asString().equals(name)) {
                account = a;
            }
        }
        assertThat(account).isNotNull();
        assertThat(account.get("enabled").asBoolean()).isFalse();
        assertThat(admin.get("/api/admin/audit?action=account.update").body()).contains(name).contains("{\\\"enabled\\\":{\\\"from\\\":true,\\\"to\\\":false}}");
    }

    private static WebSession login(Staffing.Member account) {
        WebSession web = new WebSession(account.api());
        WebSession.Page p = web.login(account.username(), Staffing.PASSWORD);
        assertThat(p.status()).isEqualTo(302);
        assertThat(p.location()).doesNotContain("error");
        return web;
    }
}
