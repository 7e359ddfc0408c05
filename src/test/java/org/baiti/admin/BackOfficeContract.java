package org.baiti.admin;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.baiti.testing.Api;
import org.baiti.testing.App;
import org.baiti.testing.Fixtures;
import org.baiti.testing.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The back office over HTTP as a browser sends it (session, CSRF, forms), on SQLite and PostgreSQL: contest edit by
 * state, copy with bank and units, delete only while never opened; freeze only with the typed name (the API's freeze
 * without); the attention table saved in one request, all or nothing, rows in place; a coordinator's dashboard and
 * participants of its own subtree only.
 */
interface BackOfficeContract extends App {

    ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    default JdbcClient jdbc() {
        return bean(JdbcClient.class);
    }

    /** A contest with the small unit tree (U1 > U1-1 > U1-1-1, U2 > U2-1) and the six-question bank. */
    default long contestWithUnitsAndBank(Api admin, Map<String, Object> overrides) {
        long id = Fixtures.contest(admin, overrides);
        assertThat(admin.upload("/api/admin/contests/" + id + "/units", "units.csv", Fixtures.csv(Fixtures.units())).status()).isEqualTo(200);
        assertThat(admin.upload("/api/admin/contests/" + id + "/bank", "bank.csv", Fixtures.csv(Fixtures.bank())).status()).isEqualTo(200);
        return id;
    }

    default Map<String, Object> notStarted(String name) {
        Map<String, Object> m = new HashMap<>();
        m.put("name", name);
        m.put("opensAt", Instant.now().plus(2, ChronoUnit.DAYS).toString());
        m.put("closesAt", Instant.now().plus(9, ChronoUnit.DAYS).toString());
        return m;
    }

    default WebSession adminPages() {
        WebSession web = new WebSession(api());
        assertThat(web.login("admin", ADMIN_PASSWORD).status()).isEqualTo(302);
        return web;
    }

    /** Posts a page form with the session's CSRF token and returns the page the redirect leads to. */
    static WebSession.Page submit(WebSession web, String formPage, String action, Map<String, String> fields) {
        Map<String, String> form = new LinkedHashMap<>(fields);
        form.put("_csrf", web.get(formPage).csrf());
        WebSession.Page posted = web.post(action, form);
        assertThat(posted.status()).as(posted.body()).isEqualTo(302);
        String to = posted.location().replaceFirst("^https?://[^/]+", "");
        return web.get(to);
    }

    static String local(Instant i) {
        return LocalDateTime.ofInstant(i, ZONE).truncatedTo(ChronoUnit.MINUTES).toString();
    }

    @Test
    default void aContestThatHasNotStartedChangesEverythingAnOpenOneOnlyItsNameAndClosingTime() {
        Api admin = api().admin();
        WebSession web = adminPages();
        long later = contestWithUnitsAndBank(admin, notStarted("未开始的竞赛"));
        String page = "/admin/contests/" + later + "/edit";
        assertThat(web.get(page).body()).contains("data-state=\"NOT_STARTED\"");
        WebSession.Page saved = submit(web, page, page, Map.of("questionsPerPaper", "6", "timeLimitMinutes", "25",
                "onlineQuota", "50", "weightRate", "0.5", "weightAccuracy", "0.3", "weightAttention", "0.2"));
        assertThat(saved.body()).contains("设置已保存");
        var changed = admin.get("/api/admin/contests/" + later).json();
        assertThat(changed.get("questionsPerPaper").asInt()).isEqualTo(6);
        assertThat(changed.get("timeLimitSeconds").asInt()).isEqualTo(1500);
        assertThat(changed.get("onlineQuota").asInt()).isEqualTo(50);
        assertThat(changed.get("weightRate").asDouble()).isEqualTo(0.5);

        long open = contestWithUnitsAndBank(admin, Map.of("name", "进行中的竞赛", "addressStartsPerMinute", 0));
        String openPage = "/admin/contests/" + open + "/edit";
        String form = web.get(openPage).body();
        assertThat(form).contains("data-state=\"OPEN\"");
        assertThat(Pattern.compile("name=\"questionsPerPaper\"[^>]*disabled").matcher(form).find()).as("locked on the page").isTrue();
        WebSession.Page refused = submit(web, openPage, openPage, Map.of("questionsPerPaper", "4"));
        assertThat(refused.body()).contains("没有保存").contains("questionsPerPaper");
        assertThat(admin.get("/api/admin/contests/" + open).json().get("questionsPerPaper").asInt()).isEqualTo(5);

        String newClose = local(Instant.now().plus(3, ChronoUnit.DAYS));
        WebSession.Page renamed = submit(web, openPage, openPage, Map.of("name", "进行中的竞赛（改名）", "closesAt", newClose));
        assertThat(renamed.body()).contains("设置已保存");
        var after = admin.get("/api/admin/contests/" + open).json();
        assertThat(after.get("name").asString()).isEqualTo("进行中的竞赛（改名）");
        assertThat(LocalDateTime.ofInstant(Instant.parse(after.get("closesAt").asString()), ZONE).toString()).startsWith(newClose);
        assertThat(after.get("addressStartsPerMinute").asInt()).as("a limit set through the API, not on the page, is kept")
                .isZero();

        String pastClose = local(Instant.now().minus(1, ChronoUnit.HOURS));
        WebSession.Page past = submit(web, openPage, openPage, Map.of("_form", "edit", "name", "改了一半的名字",
                "closesAt", pastClose));
        assertThat(past.body()).contains("结束时间必须晚于现在");
        assertThat(past.body().split("结束时间必须晚于现在", -1)).as("its one reason shown once, not again as a row")
                .hasSize(2);
        assertThat(past.body()).as("the refused settings show what was entered, the copy form its own defaults")
                .containsPattern("id=\"name\" name=\"name\"[^>]*value=\"改了一半的名字\"")
                .containsPattern("id=\"closes\" name=\"closesAt\"[^>]*value=\"" + pastClose + "\"")
                .doesNotContainPattern("id=\"copy-name\"[^>]*value=\"改了一半的名字\"");
        assertThat(web.get(openPage).body()).as("once: the next visit shows what is stored")
                .containsPattern("id=\"name\" name=\"name\"[^>]*value=\"进行中的竞赛（改名）\"");
        assertThat(admin.get("/api/admin/contests/" + open).json().get("closesAt").asString()).isEqualTo(after.get("closesAt").asString());
        assertThat(jdbc().sql("SELECT COUNT(*) FROM audit_entry WHERE action = 'contest.update' AND contest_id = ?")
                .param(open).query(Long.class).single()).as("one audited change of the open contest").isEqualTo(1);
    }

    @Test
    default void aCopyTakesTheSettingsBankAndUnitsButNoMarksAndNothingOfThePeople() {
        Api admin = api().admin();
        WebSession web = adminPages();
        long from = contestWithUnitsAndBank(admin, Map.of("name", "原竞赛", "onlineQuota", 7));
        assertThat(admin.putJson("/api/admin/contests/" + from + "/units/U1/attention", Map.of("score", 90)).status()).isEqualTo(200);
        Instant opens = Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MINUTES);
        Instant closes = opens.plus(7, ChronoUnit.DAYS);
        WebSession.Page copied = submit(web, "/admin/contests/" + from + "/edit", "/admin/contests/" + from + "/copy",
                Map.of("name", "复制的竞赛", "opensAt", local(opens), "closesAt", local(closes)));
        assertThat(copied.body()).contains("已复制为新竞赛").contains("复制的竞赛");
        Matcher m = Pattern.compile("/admin/contests/(\\d+)/edit").matcher(copied.body());
        assertThat(m.find()).isTrue();
        long copy = Long.parseLong(m.group(1));
        assertThat(copy).isNotEqualTo(from);

        var c = admin.get("/api/admin/contests/" + copy).json();
        assertThat(c.get("name").asString()).isEqualTo("复制的竞赛");
        assertThat(c.get("onlineQuota").asInt()).isEqualTo(7);
        assertThat(Instant.parse(c.get("opensAt").asString())).isEqualTo(opens);
        assertThat(admin.get("/api/admin/contests/" + copy + "/bank").json()).hasSize(6);
        var units = admin.get("/api/admin/contests/" + copy + "/units").json();
        assertThat(units).hasSize(5);
        for (var u : units) {
            assertThat(u.get("attention")).as("judges mark each contest anew").isNull();
        }
        assertThat(jdbc().sql("SELECT COUNT(*) FROM audit_entry WHERE action = 'contest.copy' AND contest_id = ?")
                .param(copy).query(Long.class).single()).isEqualTo(1);
        // the copy is a contest of its own: the participant can start on it once it opens, the original is untouched
        assertThat(admin.get("/api/admin/contests/" + from + "/bank").json()).hasSize(6);
    }

    @Test
    default void onlyAContestThatNeverOpenedAndHasNothingAttachedCanBeDeleted() {
        Api admin = api().admin();
        WebSession web = adminPages();
        long id = contestWithUnitsAndBank(admin, notStarted("要删除的竞赛"));
        String edit = "/admin/contests/" + id + "/edit";
        String delete = "/admin/contests/" + id + "/delete";

        WebSession.Page unconfirmed = submit(web, edit, delete, Map.of("confirm", "别的名字"));
        assertThat(unconfirmed.body()).contains("没有删除").contains("要删除的竞赛");
        assertThat(admin.get("/api/admin/contests/" + id).status()).isEqualTo(200);

        Api.Response coordinator = admin.postJson("/api/admin/accounts", Map.of("username", "coord" + System.nanoTime(),
                "role", "COORDINATOR", "password", "staff-password-1", "unitContest", id, "unitCode", "U2"));
        assertThat(coordinator.status()).isEqualTo(201);
        assertThat(submit(web, edit, delete, Map.of("confirm", "要删除的竞赛")).body()).contains("单位联络员账号");
        assertThat(admin.get("/api/admin/contests/" + id).status()).isEqualTo(200);
        String username = coordinator.json().get("username").asString();
        assertThat(submit(web, "/admin/accounts", "/admin/accounts/" + username + "/delete", Map.of("confirm", "yes")).body())
                .contains("已删除账号");

        WebSession.Page deleted = submit(web, edit, delete, Map.of("confirm", " 要删除的竞赛 "));
        assertThat(deleted.body()).contains("已删除竞赛");
        assertThat(admin.get("/api/admin/contests/" + id).status()).isEqualTo(404);
        for (String table : List.of("unit", "question", "import_log", "question_bank_version")) {
            assertThat(jdbc().sql("SELECT COUNT(*) FROM " + table + " WHERE contest_id = ?").param(id).query(Long.class).single())
                    .as(table).isZero();
        }
        assertThat(jdbc().sql("SELECT COUNT(*) FROM audit_entry WHERE action = 'contest.delete' AND contest_id = ?")
                .param(id).query(Long.class).single()).isEqualTo(1);

        long open = contestWithUnitsAndBank(admin, Map.of("name", "已开始的竞赛"));
        WebSession.Page refused = submit(web, "/admin/contests/" + open + "/edit", "/admin/contests/" + open + "/delete",
                Map.of("confirm", "已开始的竞赛"));
        assertThat(refused.body()).contains("不能删除").contains("进行中");
        assertThat(admin.get("/api/admin/contests/" + open).status()).isEqualTo(200);

        long used = contestWithUnitsAndBank(admin, notStarted("有成绩的竞赛"));
        assertThat(admin.upload("/api/admin/contests/" + used + "/offline-results", "offline.csv", Fixtures.csv(List.of(
                List.of("准考证号", "姓名", "手机号", "单位编码", "得分"),
                List.of("T1", "张三", "13800000001", "U1", "6")))).status()).isEqualTo(200);
        assertThat(submit(web, "/admin/contests/" + used + "/edit", "/admin/contests/" + used + "/delete",
                Map.of("confirm", "有成绩的竞赛")).body()).contains("不能删除").contains("1 条线下成绩");
        assertThat(admin.get("/api/admin/contests/" + used).status()).isEqualTo(200);
    }

    @Test
    default void thePageFreezesOnlyWithTheContestsNameTypedAndTheApiFreezesAsWritten() {
        Api admin = api().admin();
        WebSession web = adminPages();
        long id = contestWithUnitsAndBank(admin, Map.of("name", "冻结测试竞赛"));
        String awards = "/admin/contests/" + id + "/awards";
        String freeze = "/admin/contests/" + id + "/freeze";
        assertThat(submit(web, awards, freeze, Map.of()).body()).contains("没有冻结").contains("冻结测试竞赛");
        assertThat(submit(web, awards, freeze, Map.of("confirm", "冻结")).body()).contains("没有冻结");
        assertThat(admin.get("/api/admin/contests/" + id).json().get("frozenAt")).isNull();
        WebSession.Page done = submit(web, awards, freeze, Map.of("confirm", "冻结测试竞赛"));
        assertThat(done.body()).contains("已冻结").contains("data-state=\"FROZEN\"");
        assertThat(admin.get("/api/admin/contests/" + id).json().get("frozenAt")).isNotNull();

        long viaApi = contestWithUnitsAndBank(admin, Map.of("name", "接口冻结"));
        assertThat(admin.postJson("/api/admin/contests/" + viaApi + "/freeze", Map.of()).status()).isEqualTo(200);
        assertThat(admin.get("/api/admin/contests/" + viaApi).json().get("frozenAt")).isNotNull();
    }

    @Test
    default void theAttentionTableIsSavedInOneRequestAllOrNothingAndKeepsItsOrder() {
        Api admin = api().admin();
        WebSession web = adminPages();
        long id = contestWithUnitsAndBank(admin, Map.of("name", "评分竞赛"));
        String page = "/admin/contests/" + id + "/attention";
        List<String> before = rowOrder(web.get(page).body());
        assertThat(before).containsExactly("U1", "U2");

        WebSession.Page bad = submit(web, page, page, Map.of("mark:U1", "80", "mark:U2", "一百"));
        assertThat(bad.body()).contains("全部未保存").contains("一百").contains("value=\"80\"");
        assertThat(marks(admin, id)).as("nothing saved").containsEntry("U1", null).containsEntry("U2", null);

        WebSession.Page saved = submit(web, page, page, Map.of("mark:U1", "80", "mark:U2", "60"));
        assertThat(saved.body()).contains("已保存组织评分").contains("2 个单位");
        assertThat(marks(admin, id)).containsEntry("U1", 80).containsEntry("U2", 60);
        assertThat(rowOrder(saved.body())).as("rows stay in place").isEqualTo(before);

        WebSession.Page again = submit(web, page, page, Map.of("mark:U1", "80", "mark:U2", ""));
        assertThat(again.body()).contains("0 个单位");
        assertThat(marks(admin, id)).containsEntry("U1", 80).containsEntry("U2", 60);
        assertThat(jdbc().sql("SELECT COUNT(*) FROM audit_entry WHERE action = 'unit.attention' AND contest_id = ?")
                .param(id).query(Long.class).single()).as("one entry per changed mark").isEqualTo(2);
    }

    private static List<String> rowOrder(String html) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("<tr data-unit=\"([^\"]+)\"").matcher(html);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    private static Map<String, Integer> marks(Api admin, long id) {
        Map<String, Integer> out = new HashMap<>();
        for (var u : admin.get("/api/admin/contests/" + id + "/units").json()) {
            var a = u.get("attention");
            out.put(u.get("code").asString(), a == null || a.isNull() ? null : a.asInt());
        }
        return out;
    }

    @Test
    default void aCoordinatorSeesTheDashboardAndParticipantsOfItsOwnSubtreeOnly() {
        Api admin = api().admin();
        long id = contestWithUnitsAndBank(admin, Map.of("name", "联络员竞赛"));
        long other = contestWithUnitsAndBank(admin, Map.of("name", "别的竞赛"));
        assertThat(admin.upload("/api/admin/contests/" + id + "/offline-results", "offline.csv", Fixtures.csv(List.of(
                List.of("准考证号", "姓名", "手机号", "单位编码", "得分"),
                List.of("T1", "第一中学甲", "13800000001", "U1-1", "6"),
                List.of("T2", "初中部乙", "13800000002", "U1-1-1", "3"),
                List.of("T3", "东城丙", "13800000003", "U2-1", "6")))).status()).isEqualTo(200);
        Api.Response start = api().postJson("/api/contests/" + id + "/attempts",
                Map.of("name", "教育局丁", "phone", "13900000004", "unit", "U1"));
        assertThat(start.status()).as(start.body()).isEqualTo(201);
        Api.Response submitted = api().postJson("/api/attempts/" + start.json().get("attemptId").asString() + "/submit",
                Map.of("answers", Map.of()), start.json().get("token").asString());
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
        String username = "coord" + System.nanoTime();
        assertThat(admin.postJson("/api/admin/accounts", Map.of("username", username, "role", "COORDINATOR",
                "password", "staff-password-1", "unitContest", id, "unitCode", "U1-1")).status()).isEqualTo(201);
        WebSession coordinator = new WebSession(api());
        assertThat(coordinator.login(username, "staff-password-1").status()).isEqualTo(302);

        WebSession.Page dashboard = coordinator.get("/admin/contests/" + id + "/dashboard");
        assertThat(dashboard.status()).isEqualTo(200);
        assertThat(dashboard.body()).contains("第一中学初中部").contains("data-unit=\"U1-1\"").contains("data-unit=\"U1-1-1\"")
                .doesNotContain("data-unit=\"U1\"").doesNotContain("东城区").doesNotContain("data-unit=\"U2");
        assertThat(dashboard.body()).contains("id=\"unit-people\">2<");

        WebSession.Page people = coordinator.get("/admin/contests/" + id + "/participants");
        assertThat(people.status()).isEqualTo(200);
        assertThat(people.body()).contains("第一中学甲").contains("初中部乙").contains("138****0001")
                .doesNotContain("东城丙").doesNotContain("教育局丁").doesNotContain("13800000001");
        assertThat(people.body()).contains("data-menu=\"dashboard\"").contains("data-menu=\"participants\"")
                .doesNotContain("data-menu=\"awards\"").doesNotContain("data-menu=\"bank\"");

        assertThat(coordinator.get("/admin/contests/" + other + "/dashboard").status()).isEqualTo(403);
        assertThat(coordinator.get("/admin/contests/" + other + "/participants").status()).isEqualTo(403);
        assertThat(coordinator.get("/admin/contests/" + id + "/awards").status()).isEqualTo(403);
        assertThat(coordinator.get("/admin/contests/" + id + "/charts.json").status()).isEqualTo(403);

        WebSession organizerView = adminPages();
        assertThat(organizerView.get("/admin/contests/" + id + "/participants").body())
                .contains("东城丙").contains("教育局丁").contains("第一中学甲");
    }

    @Test
    default void importsOverExistingDataAndAccountRemovalAskForConfirmationOnThePage() {
        Api admin = api().admin();
        WebSession web = adminPages();
        long id = contestWithUnitsAndBank(admin, Map.of("name", "覆盖导入竞赛"));
        String overview = "/admin/contests/" + id;
        List<List<String>> changedBank = new ArrayList<>(Fixtures.bank());
        changedBank.set(1, List.of("Q1", "单选", "森林火警电话是多少？", "12119", "110", "120", "122", "A", "1", "应急常识", ""));
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("_csrf", web.get(overview).csrf());
        WebSession.Page refused = web.upload(overview + "/import/bank", fields, "bank.csv", Fixtures.csv(changedBank));
        assertThat(refused.status()).isEqualTo(302);
        assertThat(web.get(overview).body()).contains("没有导入").contains("6");
        assertThat(admin.get("/api/admin/contests/" + id + "/bank").body()).doesNotContain("森林火警电话是多少");

        fields.put("_csrf", web.get(overview).csrf());
        fields.put("replace", "yes");
        assertThat(web.upload(overview + "/import/bank", fields, "bank.csv", Fixtures.csv(changedBank)).status()).isEqualTo(302);
        assertThat(web.get(overview).body()).contains("导入成功");
        assertThat(admin.get("/api/admin/contests/" + id + "/bank").body()).contains("森林火警电话是多少");

        String username = "judge" + System.nanoTime();
        assertThat(admin.postJson("/api/admin/accounts", Map.of("username", username, "role", "JUDGE",
                "password", "staff-password-1")).status()).isEqualTo(201);
        assertThat(submit(web, "/admin/accounts", "/admin/accounts/" + username + "/delete", Map.of()).body())
                .contains("没有删除");
        assertThat(admin.get("/api/admin/accounts").body()).contains(username);
        assertThat(submit(web, "/admin/accounts", "/admin/accounts/admin/delete", Map.of("confirm", "yes")).body())
                .as("not the account signed in").contains("不能删除自己");
        assertThat(submit(web, "/admin/accounts", "/admin/accounts/" + username + "/delete", Map.of("confirm", "yes")).body())
                .contains("已删除账号");
        assertThat(admin.get("/api/admin/accounts").body()).doesNotContain(username);
        assertThat(jdbc().sql("SELECT COUNT(*) FROM audit_entry WHERE action = 'account.delete' AND subject = ?")
                .param(username).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    default void aJudgeSavesTheAttentionTableAndAnAuditorOnlyReadsIt() {
        Api admin = api().admin();
        long id = contestWithUnitsAndBank(admin, Map.of("name", "评委竞赛"));
        String judgeName = "judge" + System.nanoTime();
        String auditorName = "auditor" + System.nanoTime();
        assertThat(admin.postJson("/api/admin/accounts", Map.of("username", judgeName, "role", "JUDGE",
                "password", "staff-password-1")).status()).isEqualTo(201);
        assertThat(admin.postJson("/api/admin/accounts", Map.of("username", auditorName, "role", "AUDITOR",
                "password", "staff-password-1")).status()).isEqualTo(201);
        String page = "/admin/contests/" + id + "/attention";

        WebSession judge = new WebSession(api());
        assertThat(judge.login(judgeName, "staff-password-1").status()).isEqualTo(302);
        String overview = judge.get("/admin/contests/" + id).body();
        assertThat(overview).contains("data-menu=\"attention\"").doesNotContain("data-menu=\"awards\"")
                .doesNotContain("data-menu=\"participants\"");
        assertThat(submit(judge, page, page, Map.of("mark:U1", "66", "mark:U2", "77")).body()).contains("已保存组织评分");
        assertThat(marks(admin, id)).containsEntry("U1", 66).containsEntry("U2", 77);
        assertThat(judge.get("/admin/contests/" + id + "/awards").status()).isEqualTo(403);
        assertThat(judge.get("/admin/contests/" + id + "/participants").status()).isEqualTo(403);

        WebSession auditor = new WebSession(api());
        assertThat(auditor.login(auditorName, "staff-password-1").status()).isEqualTo(302);
        WebSession.Page read = auditor.get(page);
        assertThat(read.status()).isEqualTo(200);
        assertThat(Pattern.compile("name=\"mark:U1\"[^>]*disabled").matcher(read.body()).find()).isTrue();
        assertThat(read.body()).doesNotContain("id=\"attention-save\"");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("mark:U1", "1");
        form.put("_csrf", read.csrf());
        assertThat(auditor.post(page, form).status()).isEqualTo(403);
        assertThat(marks(admin, id)).containsEntry("U1", 66);
        assertThat(auditor.get("/admin/contests/" + id + "/edit").status()).as("settings: organizers only").isEqualTo(403);
    }
}
