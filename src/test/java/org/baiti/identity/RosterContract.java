package org.baiti.identity;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.baiti.testing.Api;
import org.baiti.testing.App;
import org.baiti.testing.Fixtures;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** The roster import and its switch over HTTP, on SQLite and PostgreSQL. */
interface RosterContract extends App {

    private long contest(Api admin) {
        long id = Fixtures.contest(admin, 5);
        assertThat(admin.upload("/api/admin/contests/" + id + "/units", "units.csv", Fixtures.csv(Fixtures.units())).status()).isEqualTo(200);
        return id;
    }

    static List<List<String>> roster() {
        return List.of(
                List.of("姓名", "手机号", "单位编码"),
                List.of("张三", "138 1234 5678", "U1"),
                List.of("李四", "+86 139-0000-1111", "U1-1"),
                List.of("王五", "13700002222", "东城区"));
    }

    private static Api coordinator(Api admin, long contest, String unit) {
        String name = "coord" + System.nanoTime();
        Map<String, Object> body = new HashMap<>(Map.of("username", name, "role", "COORDINATOR",
                "password", "coordinator-1", "unitContest", contest, "unitCode", unit));
        assertThat(admin.postJson("/api/admin/accounts", body).status()).isEqualTo(201);
        return admin.as(name, "coordinator-1");
    }

    @Test
    default void importsARosterOnceAndListsItForStaff() {
        Api admin = api().admin();
        long id = contest(admin);
        Api.Response first = admin.upload("/api/admin/contests/" + id + "/roster", "名单.xlsx", Fixtures.xlsx(roster()));
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json().get("added").asInt()).isEqualTo(3);
        Api.Response again = admin.upload("/api/admin/contests/" + id + "/roster", "名单.csv", Fixtures.gb18030(roster()));
        assertThat(again.json().get("added").asInt()).isZero();
        assertThat(again.json().get("changed").asInt()).isZero();

        JsonNode roster = admin.get("/api/admin/contests/" + id + "/roster").json();
        assertThat(roster.get("required").asBoolean()).isFalse();
        List<String> phones = new ArrayList<>();
        roster.get("entries").forEach(e -> phones.add(e.get("phone").asString() + "@" + e.get("unit").asString()));
        assertThat(phones).containsExactlyInAnyOrder("13812345678@U1", "13900001111@U1-1", "13700002222@U2");

        String audit = admin.get("/api/admin/audit?contest=" + id + "&action=roster.import").body();
        assertThat(audit).contains("\"total\":1").doesNotContain("13812345678");
    }

    @Test
    default void aRosterWithBadRowsListsEveryOneAndImportsNothing() {
        Api admin = api().admin();
        long id = contest(admin);
        List<List<String>> rows = new ArrayList<>(roster());
        rows.add(List.of("", "13500000000", "U1"));
        rows.add(List.of("赵六", "12345", "U1"));
        rows.add(List.of("钱七", "13600000000", "NOPE"));
        rows.add(List.of("孙八", "13812345678", "U2"));
        Api.Response r = admin.upload("/api/admin/contests/" + id + "/roster", "bad.csv", Fixtures.csv(rows));
        assertThat(r.status()).isEqualTo(400);
        List<Integer> badRows = new ArrayList<>();
        r.json().get("details").forEach(d -> badRows.add(d.get("row").asInt()));
        assertThat(badRows).containsExactly(5, 6, 7, 8);
        List<String> zh = new ArrayList<>();
        r.json().get("details").forEach(d -> zh.add(d.get("column").asString() + "：" + d.get("reason").asString()));
        assertThat(zh).containsExactly("姓名：必填", "手机号：不是中国大陆手机号（11 位，以 1 开头）", "单位编码：没有这个单位编码：NOPE",
                "手机号：与第 2 行重复");
        assertThat(r.json().get("message").asString()).isEqualTo("文件有 4 处错误，未导入任何数据");
        assertThat(admin.get("/api/admin/contests/" + id + "/roster").json().get("entries")).isEmpty();

        Api.Response en = admin.accepting("en").upload("/api/admin/contests/" + id + "/roster", "bad.csv", Fixtures.csv(rows));
        assertThat(en.status()).isEqualTo(400);
        assertThat(en.json().get("error").asString()).isEqualTo("invalid_file");
        assertThat(en.json().get("message").asString()).isEqualTo("4 error(s) in the file; nothing was imported");
        List<String> english = new ArrayList<>();
        en.json().get("details").forEach(d -> english.add(d.get("row").asInt() + " " + d.get("column").asString() + ": "
                + d.get("reason").asString()));
        assertThat(english).containsExactly("5 姓名: required", "6 手机号: not a mainland mobile number (11 digits starting with 1)",
                "7 单位编码: unknown unit code: NOPE", "8 手机号: duplicates row 2");
    }

    @Test
    default void aCoordinatorImportsAndSeesOnlyRowsOfItsOwnUnits() {
        Api admin = api().admin();
        long id = contest(admin);
        Api coordinator = coordinator(admin, id, "U1");
        Api.Response mixed = coordinator.upload("/api/admin/contests/" + id + "/roster", "roster.csv", Fixtures.csv(roster()));
        assertThat(mixed.status()).isEqualTo(400);
        JsonNode details = mixed.json().get("details");
        assertThat(details).hasSize(1);
        assertThat(details.get(0).get("row").asInt()).isEqualTo(4);
        assertThat(details.get(0).get("column").asString()).isEqualTo("单位编码");
        assertThat(details.get(0).get("reason").asString()).isEqualTo("不属于您管理的单位");
        assertThat(admin.get("/api/admin/contests/" + id + "/roster").json().get("entries")).isEmpty();

        Api.Response own = coordinator.upload("/api/admin/contests/" + id + "/roster", "roster.csv",
                Fixtures.csv(roster().subList(0, 3)));
        assertThat(own.status()).as(own.body()).isEqualTo(200);
        assertThat(own.json().get("added").asInt()).isEqualTo(2);
        admin.upload("/api/admin/contests/" + id + "/roster", "all.csv", Fixtures.csv(roster()));
        assertThat(admin.get("/api/admin/contests/" + id + "/roster").json().get("entries")).hasSize(3);
        assertThat(coordinator.get("/api/admin/contests/" + id + "/roster").json().get("entries")).hasSize(2);

        // moving someone else's person into one's own unit is refused too
        Api.Response steal = coordinator.upload("/api/admin/contests/" + id + "/roster", "steal.csv", Fixtures.csv(List.of(
                List.of("姓名", "手机号", "单位编码"), List.of("王五", "13700002222", "U1"))));
        assertThat(steal.status()).isEqualTo(400);
        assertThat(steal.json().get("details").get(0).get("reason").asString())
                .isEqualTo("此人已在其他单位的名单中，不属于您管理的单位");
        assertThat(coordinator.putJson("/api/admin/contests/" + id + "/roster-required", Map.of("required", true)).status())
                .as("the switch is the organizer's").isEqualTo(403);
    }

    @Test
    default void onlyStaffWithTheRightRoleTouchTheRoster() {
        Api admin = api().admin();
        long id = contest(admin);
        String judge = "judge" + System.nanoTime();
        admin.postJson("/api/admin/accounts", Map.of("username", judge, "role", "JUDGE", "password", "judge-pass-1"));
        Api j = admin.as(judge, "judge-pass-1");
        assertThat(j.upload("/api/admin/contests/" + id + "/roster", "r.csv", Fixtures.csv(roster())).status()).isEqualTo(403);
        assertThat(j.get("/api/admin/contests/" + id + "/roster").status()).isEqualTo(403);
        assertThat(api().get("/api/admin/contests/" + id + "/roster").status()).isEqualTo(401);

        Api.Response on = admin.putJson("/api/admin/contests/" + id + "/roster-required", Map.of("required", true));
        assertThat(on.status()).isEqualTo(200);
        assertThat(admin.get("/api/admin/contests/" + id + "/roster").json().get("required").asBoolean()).isTrue();
        assertThat(admin.get("/api/admin/audit?contest=" + id + "&action=roster.required").json().get("total").asInt()).isEqualTo(1);
    }

    @Test
    default void withoutOneTimeCodesTheCodeEndpointSaysSo() {
        long id = contest(api().admin());
        Api.Response r = api().postJson("/api/contests/" + id + "/codes", Map.of("phone", "13812345678"));
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.json().get("message").asString()).contains("不需要验证码");
    }
}
