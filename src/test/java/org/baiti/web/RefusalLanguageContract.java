package org.baiti.web;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.baiti.testing.Api;
import org.baiti.testing.App;
import org.baiti.testing.Fixtures;
import org.baiti.testing.WebSession;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One error contract, one language (issue #16): every endpoint that refuses answers the same {@code error} code whatever
 * the language, and its {@code message} and the reasons of its {@code details} in the language asked for — Chinese
 * with {@code Accept-Language: zh-CN} and without the header, English with {@code en}. The staff pages' form
 * refusals too, in the language chosen on the page.
 */
interface RefusalLanguageContract extends App {

    Pattern CJK = Pattern.compile("[\\u3400-\\u9fff\\uff01-\\uff5e\\u3000-\\u303f]");

    /** The three ways a client asks: Chinese, English, and nothing at all (Chinese). */
    String[] LANGUAGES = {"zh-CN", "en", null};

    private Api in(String language) {
        return language == null ? api() : api().accepting(language);
    }

    private static boolean english(String language) {
        return "en".equals(language);
    }

    /** Text in one language: Chinese has Chinese characters and no "中文 / English" pair; English has none. */
    private static void inLanguage(String what, String text, boolean english) {
        assertThat(text).as(what).isNotBlank();
        if (english) {
            assertThat(CJK.matcher(text).find()).as(what + " in English: " + text).isFalse();
        } else {
            assertThat(CJK.matcher(text).find()).as(what + " in Chinese: " + text).isTrue();
            assertThat(text).as(what).doesNotContain(" / ");
        }
    }

    /**
     * Calls {@code call} in each language: the same status and code every time, the message and every detail's reason
     * in the language asked for. Returns the messages (zh-CN, en, none), for checks of their words.
     */
    private String[] refused(String what, int status, String code, Function<Api, Api.Response> call) {
        String[] messages = new String[LANGUAGES.length];
        for (int i = 0; i < LANGUAGES.length; i++) {
            String language = LANGUAGES[i];
            Api.Response r = call.apply(in(language));
            String as = what + " (" + language + "): " + r.body();
            assertThat(r.status()).as(as).isEqualTo(status);
            JsonNode json = r.json();
            assertThat(json.get("error").asString()).as(as).isEqualTo(code);
            messages[i] = json.get("message").asString();
            inLanguage(as, messages[i], english(language));
            JsonNode details = json.get("details");
            if (details != null) {
                for (JsonNode d : details) {
                    if (d.has("reason")) {
                        inLanguage(as + " detail", d.get("reason").asString(), english(language));
                    }
                }
            }
        }
        assertThat(messages[2]).as(what + ": no Accept-Language is Chinese").isEqualTo(messages[0]);
        assertThat(messages[1]).as(what + ": English differs").isNotEqualTo(messages[0]);
        return messages;
    }

    private static Map<String, Object> person(String phone) {
        return Map.of("name", "Li Lei", "phone", phone, "unit", "U1");
    }

    private long contestWithUnitsAndBank(Api admin, Map<String, Object> overrides) {
        long id = Fixtures.contest(admin, overrides);
        assertThat(admin.upload("/api/admin/contests/" + id + "/units", "u.csv", Fixtures.csv(Fixtures.units())).status()).isEqualTo(200);
        assertThat(admin.upload("/api/admin/contests/" + id + "/bank", "b.csv", Fixtures.csv(Fixtures.bank())).status()).isEqualTo(200);
        return id;
    }

    private static Map<String, Object> settings(String name) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("name", name);
        s.put("questionsPerPaper", 5);
        s.put("timeLimitSeconds", 600);
        s.put("opensAt", Instant.now().minus(1, ChronoUnit.HOURS).toString());
        s.put("closesAt", Instant.now().plus(1, ChronoUnit.DAYS).toString());
        s.put("onlineQuota", 3);
        s.put("drawQuota", 3);
        s.put("orgQuota", 2);
        return s;
    }

    @Test
    default void participantsAreRefusedInTheLanguageTheyAskFor() {
        Api admin = api().admin();
        long open = contestWithUnitsAndBank(admin, Map.of("questionsPerPaper", 5));

        String[] unknown = refused("start of an unknown contest", 404, "not_found",
                a -> a.postJson("/api/contests/987654321987/attempts", person("13900000001")));
        assertThat(unknown).containsExactly("竞赛不存在", "No such contest", "竞赛不存在");

        Instant later = Instant.now().plus(2, ChronoUnit.DAYS);
        long notYet = contestWithUnitsAndBank(admin, Map.of("opensAt", later.toString(),
                "closesAt", later.plus(1, ChronoUnit.DAYS).toString()));
        String[] notOpen = refused("start of a contest not open yet", 409, "not_open",
                a -> a.postJson("/api/contests/" + notYet + "/attempts", person("13900000002")));
        assertThat(notOpen[0]).startsWith("竞赛尚未开始");
        assertThat(notOpen[1]).startsWith("The contest opens at");

        refused("a start with fields missing", 400, "invalid_field",
                a -> a.postJson("/api/contests/" + open + "/attempts", Map.of("name", "", "phone", "12", "unit", "")));

        Api.Response first = api().postJson("/api/contests/" + open + "/attempts", person("13900000003"));
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        String attempt = first.json().get("attemptId").asString();
        String token = first.json().get("token").asString();
        String[] again = refused("a second start of the same phone", 409, "already_attempted",
                a -> a.postJson("/api/contests/" + open + "/attempts", person("13900000003")));
        // the words of the page's own button, in the same language
        assertThat(again[0]).contains("“在另一台设备继续”");
        assertThat(again[1]).contains("\"Continue on another device\"");

        refused("a submit with a wrong token", 403, "forbidden",
                a -> a.postJson("/api/attempts/" + attempt + "/submit", Map.of("answers", Map.of()), "not-the-token"));
        refused("a submit without a token", 401, "unauthorized",
                a -> a.postJson("/api/attempts/" + attempt + "/submit", Map.of("answers", Map.of())));
        refused("a submit of another shape", 400, "malformed_body",
                a -> a.postJson("/api/attempts/" + attempt + "/submit", "[1, 2]", token));
        refused("a wrong resume code", 403, "invalid_resume_code",
                a -> a.postJson("/api/contests/" + open + "/attempts/resume",
                        Map.of("phone", "13900000003", "resumeCode", "00000000")));
        refused("one-time codes where there are none", 404, "not_found",
                a -> a.postJson("/api/contests/" + open + "/codes", Map.of("phone", "13900000003")));

        refused("a look-up of personal data with a wrong phone", 400, "invalid_field",
                a -> a.postJson("/api/contests/" + open + "/my-data", Map.of("phone", "12345")));
        refused("a look-up of personal data without proof", 400, "proof_required",
                a -> a.postJson("/api/contests/" + open + "/my-data", Map.of("phone", "13900000003")));
        refused("a look-up of personal data with another person's token", 403, "forbidden",
                a -> a.postJson("/api/contests/" + open + "/my-data", Map.of("phone", "13900000009", "token", token)));

        // frozen: the submit of a paper issued before is refused, and so is any change of the settings
        admin.postJson("/api/admin/contests/" + open + "/freeze", Map.of());
        refused("a submit after the freeze", 409, "window_closed",
                a -> a.postJson("/api/attempts/" + attempt + "/submit", Map.of("answers", Map.of()), token));
        refused("a change of a frozen contest", 409, "frozen",
                a -> a.admin().putJson("/api/admin/contests/" + open, settings("Frozen")));
    }

    @Test
    default void staffAreRefusedInTheLanguageTheyAskFor() {
        long id = Fixtures.contest(api().admin(), 5);

        String[] invalid = refused("a contest with invalid settings", 400, "invalid_field",
                a -> a.admin().postJson("/api/admin/contests", Map.of("name", "", "questionsPerPaper", 0)));
        assertThat(invalid).containsExactly("竞赛设置有误", "Invalid contest settings", "竞赛设置有误");

        refused("a draw without its fields", 400, "invalid_field",
                a -> a.admin().postJson("/api/admin/contests/" + id + "/draws", Map.of()));
        String[] empty = refused("a draw of an empty pool", 400, "empty_pool",
                a -> a.admin().postJson("/api/admin/contests/" + id + "/draws",
                        Map.of("name", "Draw", "k", 1, "pool", "offline-perfect", "seedSources", "dice")));
        assertThat(empty).containsExactly("抽奖池为空", "The pool is empty", "抽奖池为空");
        refused("a reveal of an unknown draw", 404, "not_found",
                a -> a.admin().postJson("/api/admin/draws/987654321987/reveal", Map.of("seed", java.util.List.of("1"))));

        refused("an account with invalid fields", 400, "invalid_field",
                a -> a.admin().postJson("/api/admin/accounts",
                        Map.of("username", "x", "role", "JUDGE", "password", "short")));
        String[] nobody = refused("a change of an unknown account", 404, "not_found",
                a -> a.admin().putJson("/api/admin/accounts/nobody-here", Map.of("enabled", false)));
        assertThat(nobody[1]).isEqualTo("No such account: nobody-here");
        refused("disabling the last administrator", 409, "last_admin",
                a -> a.admin().putJson("/api/admin/accounts/admin", Map.of("enabled", false)));

        refused("personal data settings out of range", 400, "invalid_field",
                a -> a.admin().putJson("/api/admin/contests/" + id + "/privacy", Map.of("retentionDays", 0)));
    }

    /** The headings of the table in the page's error box. */
    private static List<String> headings(String page) {
        String box = page.substring(page.indexOf("<div class=\"error\">"));
        return Pattern.compile("<th[^>]*>(.*?)</th>").matcher(box.substring(0, box.indexOf("</table>"))).results()
                .map(m -> m.group(1).strip()).toList();
    }

    /**
     * What the page's error box says, tags removed: the message and the cells of its table of details (not the table's
     * headings, which are the page's own words).
     */
    private static String errorBox(String page) {
        int start = page.indexOf("<div class=\"error\">");
        assertThat(start).as("an error on the page:\n" + page).isNotNegative();
        String box = page.substring(start);
        int message = box.indexOf("</div>");
        String rest = box.substring(message + "</div>".length()).stripLeading();
        StringBuilder out = new StringBuilder(box.substring(0, message).replaceAll("<[^>]+>", "").strip());
        if (rest.startsWith("<div class=\"table-wrap\"")) {
            Matcher cell = Pattern.compile("<td[^>]*>(.*?)</td>", Pattern.DOTALL)
                    .matcher(rest.substring(0, rest.indexOf("</table>")));
            while (cell.find()) {
                String text = cell.group(1).replaceAll("<[^>]+>", "").strip();
                if (!text.isEmpty()) {
                    out.append('\n').append(text);
                }
            }
        }
        return out.toString();
    }

    private static Map<String, String> contestForm(String csrf) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("_csrf", csrf);
        form.put("name", "");
        form.put("questionsPerPaper", "0");
        form.put("timeLimitMinutes", "10");
        form.put("opensAt", "2026-12-01T09:00");
        form.put("closesAt", "2026-12-20T18:00");
        return form;
    }

    @Test
    default void aStaffPageShowsAFormRefusalInThePagesLanguage() {
        // Chinese: a browser that asks for nothing
        WebSession zh = new WebSession(api());
        assertThat(zh.login("admin", App.ADMIN_PASSWORD).status()).isEqualTo(302);
        WebSession.Page refused = zh.post("/admin/contests", contestForm(zh.get("/admin").csrf()));
        assertThat(refused.status()).isEqualTo(302);
        String zhPage = zh.get("/admin").body();
        String chinese = errorBox(zhPage);
        assertThat(headings(zhPage)).as("a form's refusal names fields, not rows and columns")
                .containsExactly("项目", "原因");
        assertThat(zhPage).as("the form shows what was entered, nothing lost")
                .containsPattern("name=\"timeLimitMinutes\"[^>]*value=\"10\"")
                .containsPattern("name=\"opensAt\"[^>]*value=\"2026-12-01T09:00\"")
                .containsPattern("name=\"questionsPerPaper\"[^>]*value=\"0\"");
        assertThat(zh.get("/admin").body()).as("once: the next visit shows the defaults")
                .containsPattern("name=\"timeLimitMinutes\"[^>]*value=\"30\"")
                .doesNotContainPattern("name=\"opensAt\"[^>]*value=\"2026");
        // the fields by the form's labels, not by the API's names
        assertThat(chinese).startsWith("竞赛设置有误").contains("名称").contains("必填").contains("每卷题数")
                .contains("应在 1 到 1,000 之间").doesNotContain("Invalid").doesNotContain("required")
                .doesNotContain("questionsPerPaper");
        inLanguage("the form's refusal", chinese, false);

        // English: chosen with the page's language switch (remembered in a cookie)
        WebSession en = new WebSession(api());
        assertThat(en.login("admin", App.ADMIN_PASSWORD).status()).isEqualTo(302);
        en.get("/admin?lang=en");
        en.post("/admin/contests", contestForm(en.get("/admin").csrf()));
        String enPage = en.get("/admin").body();
        String english = errorBox(enPage);
        assertThat(headings(enPage)).containsExactly("Field", "Reason");
        assertThat(english).startsWith("Invalid contest settings").contains("required")
                .contains("must be between 1 and 1,000").contains("Questions per paper")
                .doesNotContain("questionsPerPaper");
        inLanguage("the form's refusal", english, true);

        // an account form refused, and a refusal that is the whole page (no such contest), in each language
        Map<String, String> account = new LinkedHashMap<>();
        account.put("_form", "account"); // as the page's form sends it
        account.put("username", "x");
        account.put("displayName", "核查员");
        account.put("password", "short");
        account.put("role", "AUDITOR");
        account.put("_csrf", zh.get("/admin/accounts").csrf());
        zh.post("/admin/accounts", account);
        String accounts = zh.get("/admin/accounts").body();
        assertThat(errorBox(accounts)).startsWith("账号信息有误").contains("密码至少 10 个字符");
        assertThat(accounts).as("the new-account form shows what was entered, never the password")
                .containsPattern("name=\"username\"[^>]*value=\"x\"")
                .containsPattern("name=\"displayName\"[^>]*value=\"核查员\"")
                .containsPattern("value=\"AUDITOR\" selected")
                .doesNotContainPattern("value=\"JUDGE\" selected")
                .doesNotContainPattern("name=\"password\"[^>]*value=");
        assertThat(zh.get("/admin/accounts").body()).as("once: the next visit shows the defaults")
                .doesNotContainPattern("name=\"username\"[^>]*value=\"x\"")
                .containsPattern("value=\"JUDGE\" selected");
        account.put("_csrf", en.get("/admin/accounts").csrf());
        en.post("/admin/accounts", account);
        assertThat(errorBox(en.get("/admin/accounts").body())).startsWith("Invalid account").contains("at least 10 characters");

        WebSession.Page missing = zh.get("/admin/contests/987654321987");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.body()).contains("竞赛不存在").doesNotContain("No such contest");
        WebSession.Page missingEn = en.get("/admin/contests/987654321987");
        assertThat(missingEn.status()).isEqualTo(404);
        assertThat(missingEn.body()).contains("No such contest").doesNotContain("竞赛不存在");
        // a page asked for in English by the browser, with no choice made on a page
        WebSession.Page askedEn = zh.get("/admin/contests/987654321987", Map.of("Accept-Language", "en-US,en;q=0.9"));
        assertThat(askedEn.body()).contains("No such contest").doesNotContain("竞赛不存在");
    }
}
