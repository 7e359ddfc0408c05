package org.baiti.admin;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.baiti.contest.Contesting;
import org.baiti.testing.Api;
import org.baiti.testing.Fixtures;
import org.baiti.testing.SqliteApp;
import org.baiti.testing.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every staff page in one language (issue 16): each link of the contest menu, the contest list, accounts, audit trail
 * and a coordinator's own dashboard, opened with {@code Accept-Language: zh-CN} and with {@code en} on a contest with
 * every kind of data (imports of each kind, online attempts with each anti-cheat signal, offline results, a revealed
 * draw, an attention mark, a coordinator). After the imported data (names, units, questions, the contest's and the
 * draw's names) is taken out, a Chinese page has no English words but a few names (Baiti, API, CSV…), an English page
 * no Chinese character, neither shows a machine code (ADMIN, too_fast, account.create) as text, and every percentage
 * in a table or figure has one decimal.
 */
// its own application and database: the pages must show only this test's data (other tests name contests in both languages)
@TestPropertySource(properties = "baiti.test.own-database=StaffPagesLanguageSqliteTest")
class StaffPagesLanguageSqliteTest extends SqliteApp {

    private static final String CONTEST = "语言检查竞赛";
    private static final String DRAW = "年终抽奖";
    private static final String SEEDS = "现场掷骰三次";
    private static final List<String> TIERS = List.of("一等奖", "二等奖");
    private static final String COORDINATOR = "lianluoyuan";
    private static final String COORDINATOR_NAME = "联络员小王";
    /** The first administrator's display name, stored by security/FirstAdmin. */
    private static final String FIRST_ADMIN_NAME = "管理员";

    /** Words a Chinese page may show: names and formats, not sentences. */
    private static final Set<String> LATIN_ALLOWED = Set.of("Baiti", "API", "CSV", "XLSX", "Excel", "SHA", "QR", "PDF",
            "PNG", "JSON", "data", "Ctrl", "P", "n", "k");
    /** Machine codes that must never be a page's text (a title attribute or an export may keep them). */
    private static final List<String> CODES = List.of("ADMIN", "ORGANIZER", "COORDINATOR", "JUDGE", "AUDITOR",
            "NOT_STARTED", "OPEN", "ENDED", "FROZEN", "FIXED", "RANDOM", "CATEGORY", "SINGLE", "MULTIPLE", "TRUEFALSE",
            "truefalse", "page_hidden", "too_fast", "many_attempts_from_address", "account.create", "account.update",
            "account.delete", "contest.create", "contest.update", "contest.freeze", "bank.import", "units.import",
            "unit.attention", "roster.import", "offline.import", "draw.commit", "draw.reveal");

    private static final Pattern HTML_LANG = Pattern.compile("<html[^>]*\\slang=\"([^\"]+)\"");
    private static final Pattern HIDDEN = Pattern.compile(
            "(?is)<(script|style|code|svg|textarea)\\b.*?</\\1>|<a[^>]*class=\"lang-switch\"[^>]*>.*?</a>|<!--.*?-->");
    private static final Pattern SHOWN_ATTRIBUTE = Pattern.compile("(?i)\\s(?:placeholder|aria-label|alt)=\"([^\"]*)\"");
    private static final Pattern SUMMARY = Pattern.compile("(?s)<div class=\"card\" id=\"summary\">.*?</div>");
    private static final Pattern TAG = Pattern.compile("(?s)<[^>]*>");
    private static final Pattern FIGURE = Pattern.compile("(?is)<(td|b)\\b[^>]*>(.*?)</\\1>");
    private static final Pattern PERCENT = Pattern.compile("[0-9][0-9,.]*%");
    private static final Pattern ONE_DECIMAL_PERCENT = Pattern.compile("[0-9]{1,3}(,[0-9]{3})*\\.[0-9]%");
    private static final Pattern RATE_CELL = Pattern.compile("(?is)<td class=\"(?:rate|accuracy)\"[^>]*>(.*?)</td>");
    private static final Pattern LATIN_WORD = Pattern.compile("[A-Za-z]+(?:['-][A-Za-z]+)*");
    private static final Pattern CJK = Pattern.compile("[\\u3000-\\u303f\\u3400-\\u9fff\\uf900-\\ufaff\\uff00-\\uffef]+");

    @Test
    void everyStaffPageShowsOneLanguageWithLabelsAndOneDecimalPercentages() {
        Api admin = api().admin();
        Instant opens = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES);
        long id = Fixtures.contest(admin, Map.of("name", CONTEST, "opensAt", opens.toString()));
        Set<String> data = new LinkedHashSet<>(List.of(CONTEST, DRAW, SEEDS, COORDINATOR, COORDINATOR_NAME, FIRST_ADMIN_NAME,
                "admin", "system"));
        data.addAll(TIERS);

        List<List<String>> units = List.of(
                List.of("单位编码", "单位名称", "上级单位编码", "应参赛人数"),
                List.of("U1", "市教育局", "", "2"),
                List.of("U1-1", "第一中学", "U1", ""),
                List.of("U2", "东城区", "", "1200"));
        List<List<String>> offline = List.of(
                List.of("准考证号", "姓名", "手机号", "单位编码", "得分", "考场"),
                List.of("T1", "张三", "13800000001", "U1", "6", "第一考场"),
                List.of("T2", "李四", "13800000002", "U2", "6", "第一考场"),
                List.of("T3", "王五", "13800000003", "U2", "3", "第二考场"));
        List<List<String>> roster = List.of(
                List.of("姓名", "手机号", "单位编码"),
                List.of("赵六", "13900000009", "U1-1"));
        assertThat(admin.upload("/api/admin/contests/" + id + "/units", "单位.csv", Fixtures.csv(units)).status()).isEqualTo(200);
        assertThat(admin.upload("/api/admin/contests/" + id + "/bank", "题库.csv", Fixtures.csv(Fixtures.bank())).status()).isEqualTo(200);
        assertThat(admin.upload("/api/admin/contests/" + id + "/offline-results", "线下.csv", Fixtures.csv(offline)).status()).isEqualTo(200);
        assertThat(admin.upload("/api/admin/contests/" + id + "/roster", "名单.csv", Fixtures.csv(roster)).status()).isEqualTo(200);
        data.addAll(List.of("单位.csv", "题库.csv", "线下.csv", "名单.csv"));
        for (List<List<String>> rows : List.of(units, Fixtures.bank(), offline, roster)) {
            rows.forEach(data::addAll);
        }
        data.addAll(List.of("对", "错", "√")); // the bank's true/false keys as imported

        // Online: answered at once (too fast), one page hide, and more attempts of U1 from one address than the
        // larger of baiti.anticheat.max-attempts-per-address (20) and its headcount (2).
        List<String> people = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            String name = "参赛者" + i;
            people.add(name);
            Api.Response started = api().postJson("/api/contests/" + id + "/attempts",
                    Map.of("name", name, "phone", String.format("137%08d", i), "unit", i == 0 ? "U2" : "U1-1"));
            assertThat(started.status()).as(started.body()).isEqualTo(201);
            if (i < 4) {
                String attempt = started.json().get("attemptId").asString();
                String token = started.json().get("token").asString();
                if (i == 0) {
                    assertThat(api().postJson("/api/attempts/" + attempt + "/signals", Map.of("kind", "page_hidden", "count", 2),
                            token).status()).isEqualTo(204);
                }
                Map<String, List<String>> answers = new HashMap<>();
                for (JsonNode q : started.json().get("questions")) {
                    answers.put(q.get("id").asString(), List.of(q.get("options").get(i % 2).get("id").asString()));
                }
                assertThat(api().postJson("/api/attempts/" + attempt + "/submit", Map.of("answers", answers), token).status())
                        .isEqualTo(200);
            }
        }
        data.addAll(people);

        Api.Response commit = admin.postJson("/api/admin/contests/" + id + "/draws", Map.of("name", DRAW, "k", 2,
                "pool", "offline-perfect", "seedSources", SEEDS, "tiers", List.of(Map.of("name", TIERS.get(0), "count", 1),
                        Map.of("name", TIERS.get(1), "count", 1))));
        assertThat(commit.status()).as(commit.body()).isEqualTo(201);
        assertThat(admin.postJson("/api/admin/draws/" + commit.json().get("id").asString() + "/reveal",
                Map.of("seed", List.of("3", "5"))).status()).isEqualTo(200);
        assertThat(admin.putJson("/api/admin/contests/" + id + "/units/U1/attention", Map.of("score", 80)).status()).isEqualTo(200);
        assertThat(admin.postJson("/api/admin/accounts", Map.of("username", COORDINATOR, "displayName", COORDINATOR_NAME,
                "role", "COORDINATOR", "password", "coordinator-1", "unitContest", id, "unitCode", "U1")).status()).isEqualTo(201);

        String c = "/admin/contests/" + id;
        List<String> paths = new ArrayList<>(List.of("/admin", "/admin/accounts", "/admin/audit", "/admin/audit?action=draw.reveal"));
        context().getBean(ContestMenu.class).items(context().getBean(Contesting.class).get(id), null)
                .forEach(item -> paths.add(item.href()));
        assertThat(paths).contains(c, c + "/edit", c + "/bank", c + "/units", c + "/offline", c + "/draws", c + "/attention",
                c + "/awards", c + "/dashboard", c + "/participants", c + "/review", c + "/print/winners", c + "/certificates");

        WebSession web = new WebSession(api());
        assertThat(web.login("admin", ADMIN_PASSWORD).status()).isEqualTo(302);
        WebSession coordinator = new WebSession(api());
        assertThat(coordinator.login(COORDINATOR, "coordinator-1").status()).isEqualTo(302);

        Map<String, String> problems = new LinkedHashMap<>();
        for (String language : List.of("zh-CN", "en")) {
            Map<String, String> headers = Map.of("Accept-Language", language);
            Map<String, WebSession.Page> pages = new LinkedHashMap<>();
            paths.forEach(p -> pages.put(p, web.get(p, headers)));
            pages.put("coordinator " + c + "/dashboard", coordinator.get(c + "/dashboard", headers));
            pages.put("coordinator " + c + "/participants", coordinator.get(c + "/participants", headers));
            pages.forEach((path, page) -> {
                assertThat(page.status()).as(language + " " + path).isEqualTo(200);
                check(language, page.body(), data).forEach(p -> problems.merge(language + " " + path, p, (a, b) -> a + "; " + b));
            });
            // dates in the configured zone (Asia/Shanghai in the tests' settings)
            assertThat(pages.get("/admin").body()).contains(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
                    .format(opens.atZone(ZoneId.of("Asia/Shanghai"))));
        }
        assertThat(problems).as("text of the other language, machine codes or percentages without one decimal").isEmpty();

        // the labels themselves, in both languages
        String zh = web.get(c + "/review", Map.of("Accept-Language", "zh-CN")).body();
        assertThat(zh).contains(">答题过快<").contains(">切换页面<").contains(">同一地址答卷过多<");
        String en = web.get(c + "/review", Map.of("Accept-Language", "en")).body();
        assertThat(en).contains(">Too fast<").contains(">Left the page<").contains(">Many attempts from one address<");
        assertThat(web.get("/admin/audit", Map.of("Accept-Language", "en")).body()).contains(">Draw revealed<")
                .contains(">Account created<").contains(">Offline results imported<").contains("title=\"draw.reveal\"");
        assertThat(web.get("/admin/accounts?lang=en").body()).contains(">Unit coordinator<").contains(">Administrator<");
        assertThat(web.get("/admin/accounts").body()).as("the switch is remembered").contains(">Unit coordinator<");
        assertThat(web.get("/admin/accounts?lang=zh").body()).contains(">单位联络员<").contains(">管理员<");
        assertThat(web.get("/admin/audit?action=draw.reveal").body()).as("the switch keeps the page's other parameters")
                .contains("href=\"/admin/audit?action=draw.reveal&amp;lang=en\"");
        assertThat(web.get(c, Map.of("Accept-Language", "zh-CN")).body()).contains(">题库<").contains(">单位树<")
                .contains(">参赛名单<").contains(">线下成绩<");
    }

    /** What is wrong with one page: each problem as a short text. */
    static List<String> check(String language, String html, Set<String> data) {
        List<String> problems = new ArrayList<>();
        Matcher lang = HTML_LANG.matcher(html);
        String expected = language.startsWith("en") ? "en" : "zh-CN";
        if (!lang.find() || !lang.group(1).equals(expected)) {
            problems.add("<html lang> is not " + expected);
        }
        if (html.contains("??")) {
            problems.add("a message key without a message (??key??)");
        }
        String text = shownText(html);
        for (String code : CODES) {
            if (Pattern.compile("(?<![\\w.])" + Pattern.quote(code) + "(?![\\w.])").matcher(text).find()) {
                problems.add("machine code shown: " + code);
            }
        }
        String words = withoutData(text, data);
        if (language.startsWith("en")) {
            Matcher cjk = CJK.matcher(words);
            Set<String> found = new LinkedHashSet<>();
            while (cjk.find()) {
                found.add(cjk.group());
            }
            if (!found.isEmpty()) {
                problems.add("Chinese on an English page: " + found);
            }
        } else {
            Matcher latin = LATIN_WORD.matcher(words);
            Set<String> found = new LinkedHashSet<>();
            while (latin.find()) {
                if (!LATIN_ALLOWED.contains(latin.group())) {
                    found.add(latin.group());
                }
            }
            if (!found.isEmpty()) {
                problems.add("English on a Chinese page: " + found);
            }
        }
        Matcher figure = FIGURE.matcher(html);
        while (figure.find()) {
            Matcher percent = PERCENT.matcher(HtmlUtils.htmlUnescape(TAG.matcher(figure.group(2)).replaceAll("")));
            while (percent.find()) {
                if (!ONE_DECIMAL_PERCENT.matcher(percent.group()).matches()) {
                    problems.add("a percentage without one decimal: " + percent.group());
                }
            }
        }
        Matcher rate = RATE_CELL.matcher(html);
        while (rate.find()) {
            String cell = rate.group(1).strip();
            if (!cell.isEmpty() && !ONE_DECIMAL_PERCENT.matcher(cell).matches()) {
                problems.add("a rate or accuracy not as a percentage: " + cell);
            }
        }
        return problems;
    }

    /** The text a person reads: no scripts, styles, code (hashes, commands, recorded JSON), nor the language switch. */
    static String shownText(String html) {
        // The press summary is worded by report/SummaryText (another branch of issue 16), not by the staff templates.
        String visible = SUMMARY.matcher(HIDDEN.matcher(html).replaceAll(" ")).replaceAll(" ");
        StringBuilder attributes = new StringBuilder();
        Matcher a = SHOWN_ATTRIBUTE.matcher(visible);
        while (a.find()) {
            attributes.append(' ').append(a.group(1));
        }
        return HtmlUtils.htmlUnescape(TAG.matcher(visible).replaceAll(" ") + attributes);
    }

    /**
     * The text without the imported data, longest first; also without ids, unit codes, tickets, question keys and
     * answer letters (data too), times, the configured zone's name and settings' keys.
     */
    static String withoutData(String text, Set<String> data) {
        String out = text;
        // short ASCII cells (answer letters, points) would cut letters out of words; the patterns below take them
        List<String> longestFirst = data.stream().filter(s -> !s.isBlank() && !s.matches("[\\x20-\\x7e]{1,3}")).sorted(Comparator.comparingInt(String::length).reversed()).toList();
        for (String d : longestFirst) {
            out = out.replace(d, " ");
        }
        return out.replaceAll("(?<![A-Za-z0-9])(?:[A-Z]{1,8}[0-9][A-Za-z0-9-]*|[A-H]{1,8})(?![A-Za-z0-9])", " ")
                .replace("Asia/Shanghai", " ")
                .replaceAll("\\bbaiti(?:\\.[a-z-]+)+\\b", " ");
    }
}
