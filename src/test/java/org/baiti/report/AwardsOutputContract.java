package org.baiti.report;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.baiti.testing.Api;
import org.baiti.testing.WebSession;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The awards on paper: the printed winners list with the unit awards and the prize tiers, the certificates of
 * people and units with the contest's issuer, date and seal text (stored per contest), and the public pages their
 * QR codes lead to, which show masked data only.
 */
interface AwardsOutputContract extends AwardsScenario {

    Pattern VERIFY = Pattern.compile("data-kind=\"(person|unit)\" data-verify=\"([^\"]+)\"");

    private WebSession staff() {
        WebSession s = new WebSession(api());
        assertThat(s.login("admin", org.baiti.testing.App.ADMIN_PASSWORD).status()).isEqualTo(302);
        return s;
    }

    /** A sealed draw with two tiers among the scenario's offline perfect scorers; returns the published record. */
    private JsonNode tieredDraw(Scenario s) {
        Api admin = api().admin();
        Api.Response commit = admin.postJson("/api/admin/contests/" + s.id + "/draws", Map.of(
                "name", "线下抽奖", "k", 3, "pool", "offline-perfect", "seedSources", "现场掷骰",
                "tiers", List.of(Map.of("name", "一等奖", "count", 1), Map.of("name", "二等奖", "count", 2))));
        assertThat(commit.status()).as(commit.body()).isEqualTo(201);
        Api.Response reveal = admin.postJson("/api/admin/draws/" + commit.json().get("id").asLong() + "/reveal",
                Map.of("seed", List.of("7 7 7")));
        assertThat(reveal.status()).as(reveal.body()).isEqualTo(200);
        return reveal.json();
    }

    @Test
    default void thePrintedListHasTheUnitAwardsTheOnlineWinnersAndTheDrawnWinnersByTier() {
        Scenario s = scenario();
        JsonNode draw = tieredDraw(s);
        List<String> awardedUnits = new ArrayList<>();
        api().admin().get("/api/admin/contests/" + s.id + "/org-awards").json().forEach(l -> {
            if (l.get("awarded").asBoolean()) {
                awardedUnits.add(l.get("name").asString());
            }
        });
        assertThat(awardedUnits).hasSize(3);

        String page = staff().get("/admin/contests/" + s.id + "/print/winners").body();
        assertThat(page).contains("获奖名单").contains("优秀个人共 23 名").contains("优秀组织单位（3 个）")
                .contains("优秀个人 · 线上答题（20 名）").contains("线下抽奖一等奖（1 名）").contains("线下抽奖二等奖（2 名）")
                .contains("竞赛组委会");
        int at = page.indexOf("print-org");
        for (String unit : awardedUnits) {
            assertThat(page.indexOf("<li>" + unit + "</li>", at)).as(unit).isGreaterThan(at);
        }
        assertThat(page.indexOf("一等奖")).isLessThan(page.indexOf("二等奖"));
        String first = draw.get("winners").get(0).asString();
        assertThat(FULL_PHONE.matcher(page).find()).as("no phone number on the printed list").isFalse();
        assertThat(page).doesNotContain(first).as("tickets are not printed");
    }

    @Test
    default void certificatesForPeopleAndUnitsCarryTheSettingsAndAQrCodeToAPublicPageThatConfirmsThem() {
        Scenario s = scenario();
        JsonNode draw = tieredDraw(s);
        WebSession staff = staff();
        String page = staff.get("/admin/contests/" + s.id + "/certificates").body();
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        assertThat(page).contains("竞赛组委会").contains("扫码核验");
        assertThat(FULL_PHONE.matcher(page).find()).isFalse();

        Map<String, List<String>> byKind = new LinkedHashMap<>();
        Matcher m = VERIFY.matcher(page);
        while (m.find()) {
            byKind.computeIfAbsent(m.group(1), k -> new ArrayList<>()).add(m.group(2).replace("&amp;", "&"));
        }
        assertThat(byKind.get("unit")).hasSize(3);
        assertThat(byKind.get("person")).hasSize(23);
        assertThat(page.split("<svg", -1).length - 1).as("one QR code per certificate").isEqualTo(26);

        String base = api().base();
        // Online winner #1: the ranking page, at its line.
        String online = byKind.get("person").get(0);
        assertThat(online).isEqualTo(base + "/c/" + s.id + "/ranking?limit=100#rank-1");
        String ranking = new WebSession(api()).get(online.substring(base.length(), online.indexOf('#'))).body();
        assertThat(ranking).contains("id=\"rank-1\"").contains("id=\"rank-20\"");
        assertThat(FULL_PHONE.matcher(ranking).find()).isFalse();

        // Drawn winners: the draw record's ticket look-up, which names the tier.
        String drawn = byKind.get("person").get(20);
        String ticket = draw.get("winners").get(0).asString();
        assertThat(drawn).isEqualTo(base + "/draws/" + draw.get("id").asLong() + "?ticket=" + ticket + "#find");
        String record = new WebSession(api()).get(drawn.substring(base.length(), drawn.indexOf('#'))).body();
        assertThat(record).contains(ticket).contains("第 1 位中奖").contains("一等奖");
        assertThat(FULL_PHONE.matcher(record).find()).isFalse();

        // Units: the public unit award list, published once the results are frozen.
        String unit = byKind.get("unit").get(0);
        assertThat(unit).startsWith(base + "/c/" + s.id + "/awards#unit-");
        String code = unit.substring(unit.indexOf("#unit-") + 6);
        WebSession anonymous = new WebSession(api());
        String before = anonymous.get("/c/" + s.id + "/awards").body();
        assertThat(before).contains("成绩冻结后在此公布").doesNotContain("id=\"unit-" + code + "\"");
        assertThat(api().admin().postJson("/api/admin/contests/" + s.id + "/freeze", Map.of()).status()).isEqualTo(200);
        String after = anonymous.get("/c/" + s.id + "/awards").body();
        assertThat(after).contains("id=\"unit-" + code + "\"").contains("★");
        assertThat(FULL_PHONE.matcher(after).find()).isFalse();
        assertThat(anonymous.get("/c/999999/awards").status()).isEqualTo(404);
        assertThat(page).contains(today.substring(0, 4) + "年");
    }

    @Test
    default void theIssuerDateAndSealAreSetPerContestOnTheCertificatesPage() {
        Scenario s = scenario();
        WebSession staff = staff();
        String path = "/admin/contests/" + s.id + "/certificates";
        String csrf = staff.get(path).csrf();

        WebSession.Page saved = staff.post(path + "/settings", Map.of("_csrf", csrf, "issuer", "示范市委宣传部",
                "issuedOn", "2026-12-20", "sealText", "示范市委宣传部 竞赛专用章"));
        assertThat(saved.status()).isEqualTo(302);
        String page = staff.get(path).body();
        assertThat(page).contains("证书落款已保存").contains("示范市委宣传部").contains("2026年12月20日")
                .contains("竞赛专用章").doesNotContain(">竞赛组委会<");
        assertThat(staff.get("/admin/contests/" + s.id + "/print/winners").body()).contains("示范市委宣传部")
                .contains("2026年12月20日");

        // Bad input: refused with the reason, nothing changed.
        WebSession.Page bad = staff.post(path + "/settings", Map.of("_csrf", csrf, "issuer", "  ",
                "issuedOn", "2026-13-40", "sealText", "x".repeat(31)));
        assertThat(bad.status()).isEqualTo(302);
        String after = staff.get(path).body();
        String box = after.substring(after.indexOf("<div class=\"error\">"));
        box = box.substring(0, box.indexOf("</table>"));
        assertThat(box).as("the refusal names the form's fields by their labels").contains("证书设置有误")
                .contains("落款日期").contains("颁发单位").contains("印章文字").doesNotContain("sealText");
        assertThat(staff.get(path).body()).contains("value=\"示范市委宣传部\"").contains("value=\"2026-12-20\"");

        // Another contest keeps its own defaults; an empty date means the day of printing.
        long other = org.baiti.testing.Fixtures.contest(api().admin(), 5);
        assertThat(staff.get("/admin/contests/" + other + "/certificates").body()).contains("value=\"竞赛组委会\"")
                .doesNotContain("示范市委宣传部");
        staff.post(path + "/settings", Map.of("_csrf", csrf, "issuer", "示范市委宣传部", "issuedOn", "", "sealText", ""));
        assertThat(staff.get(path).body()).contains(LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear() + "年")
                .contains("value=\"示范市委宣传部\"");

        // Without a session or without the CSRF token: refused, nothing stored.
        WebSession anonymous = new WebSession(api());
        assertThat(anonymous.post(path + "/settings", Map.of("issuer", "别人")).status()).isIn(302, 403);
        assertThat(staff.post(path + "/settings", Map.of("issuer", "别人")).status()).isEqualTo(403);
        assertThat(staff.get(path).body()).doesNotContain("别人");
        assertThat(staff.post("/admin/contests/999999/certificates/settings", Map.of("_csrf", csrf, "issuer", "x"))
                .status()).isEqualTo(404);
    }
}
