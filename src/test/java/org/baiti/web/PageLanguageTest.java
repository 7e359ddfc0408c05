package org.baiti.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.baiti.testing.Api;
import org.baiti.testing.App;
import org.baiti.testing.Fixtures;
import org.baiti.testing.SqliteApp;
import org.baiti.testing.WebSession;
import org.baiti.web.Wording.El;
import org.baiti.web.Wording.Node;
import org.baiti.web.Wording.Tx;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every page, public and staff, in Chinese ({@code Accept-Language: zh-CN}) and in English ({@code en}) holds no text
 * of the other language outside imported data. The pages are every GET mapping outside {@code /api/**} that renders a
 * view (from Spring MVC's {@link RequestMappingHandlerMapping}, so a new page is checked without changing this test),
 * their path variables filled from a fixture contest with units, a bank, submitted attempts, an offline import made on
 * the page, a sealed and a committed draw and a frozen result; plus a few states reached with a query (a ticket look-up,
 * an import job, an unknown contest).
 *
 * <p>What a page shows: its text nodes, the {@code title}, {@code placeholder}, {@code aria-label} and {@code alt}
 * attributes, the {@code value} of inputs people see, and the words it hands its scripts
 * ({@code <script type="application/json">}); its {@code <html lang>} must name the language. Not checked: code,
 * notation (see {@link Wording}), URLs, the fixture's data (blanked out first: names and masked names, units,
 * questions, file names, the configured time zone) and the language switch — a link whose whole text is the other language's name.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
// its own application and database: the pages must show only this test's data (other tests name contests in both languages)
@TestPropertySource(properties = "baiti.test.own-database=PageLanguageTest")
class PageLanguageTest extends SqliteApp {

    static final String CONTEST = "市森林防火知识竞赛";
    static final String CLOSED_CONTEST = "上届森林防火知识竞赛";
    static final String DRAW = "线下满分抽奖";
    static final String OPEN_DRAW = "补充抽奖";
    static final String ORGANIZER = "organizer-one";
    static final String COORDINATOR = "coordinator-one";
    static final String FILE = "offline-results.csv";
    static final Pattern VARIABLE = Pattern.compile("\\{([^}/]+)}");
    static final Set<String> SHOWN_ATTRIBUTES = Set.of("title", "placeholder", "aria-label", "alt");

    /** Imported data and other strings shown as entered: blanked out before a page is checked. */
    final Set<String> data = new LinkedHashSet<>();
    long contest;
    long closedContest;
    long sealedDraw;
    long committedDraw;
    String job;

    @BeforeAll
    void fixture() throws Exception {
        Api admin = api().admin();
        contest = Fixtures.contest(admin, Map.of("name", CONTEST, "onlineQuota", 2, "drawQuota", 2, "orgQuota", 1));
        closedContest = Fixtures.contest(admin, Map.of("name", CLOSED_CONTEST,
                "opensAt", Instant.now().minusSeconds(7200).toString(), "closesAt", Instant.now().minusSeconds(3600).toString()));
        data.addAll(List.of(CONTEST, CLOSED_CONTEST, DRAW, OPEN_DRAW, ORGANIZER, COORDINATOR, FILE, "admin",
                bean(Figures.class).zone().getId()));
        // account display names are data, the first administrator's too (made at the first start)
        admin.get("/api/admin/accounts").json().forEach(a -> data.add(a.get("displayName").asString()));
        Fixtures.units().forEach(data::addAll);
        Fixtures.bank().forEach(data::addAll);
        ok(admin.upload("/api/admin/contests/" + contest + "/units", "units.csv", Fixtures.csv(Fixtures.units())));
        ok(admin.upload("/api/admin/contests/" + contest + "/bank", "bank.csv", Fixtures.csv(Fixtures.bank())));
        ok(admin.upload("/api/admin/contests/" + closedContest + "/units", "units.csv", Fixtures.csv(Fixtures.units())));

        // Three online papers, answered (every answer the first option: some right, most wrong).
        String[][] people = {{"赵一", "13900000001", "U1-1"}, {"钱二", "13900000002", "U2"}, {"孙三", "13900000003", "U1"}};
        for (String[] p : people) {
            data.addAll(List.of(p[0], masked(p[0])));
            Api.Response started = api().postJson("/api/contests/" + contest + "/attempts",
                    Map.of("name", p[0], "phone", p[1], "unit", p[2], "consent", true));
            assertThat(started.status()).as(started.body()).isEqualTo(201);
            Map<String, List<String>> answers = new HashMap<>();
            for (JsonNode q : started.json().get("questions")) {
                answers.put(q.get("id").asString(), List.of(q.get("options").get(0).get("id").asString()));
            }
            ok(api().postJson("/api/attempts/" + started.json().get("attemptId").asString() + "/submit",
                    Map.of("answers", answers), started.json().get("token").asString()));
        }

        // Offline results imported on the staff page (an import job and a line in the import log).
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("准考证号", "姓名", "手机号", "单位编码", "得分", "答案", "考场"));
        String[] names = {"周四", "吴五", "郑六", "王七", "冯八", "陈九"};
        for (int i = 0; i < names.length; i++) {
            rows.add(List.of("K00" + (i + 1), names[i], "1370000000" + (i + 1), i % 2 == 0 ? "U1-1" : "U2-1", "",
                    i == 5 ? "B|A|对|A|错" : "A|ACD|错|B|对", "第一考场"));
            data.addAll(List.of(names[i], masked(names[i])));
        }
        data.addAll(List.of("第一考场", "NOPE")); // NOPE: a ticket looked up on the draw's page
        WebSession staff = staff();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("_csrf", staff.get("/admin/contests/" + contest + "/offline").csrf());
        WebSession.Page started = staff.upload("/admin/contests/" + contest + "/offline", fields, FILE, Fixtures.csv(rows));
        assertThat(started.status()).as(started.body()).isEqualTo(302);
        job = started.location().replaceAll(".*job=", "");
        for (int i = 0; i < 300; i++) {
            JsonNode status = Api.JSON.readTree(staff.get("/admin/contests/" + contest + "/offline/jobs/" + job).body());
            if (status.get("done").asBoolean()) {
                assertThat(status.get("phase").asString()).as(status.toString()).isEqualTo("done");
                break;
            }
            Thread.sleep(100);
        }

        assertThat(admin.putJson("/api/admin/contests/" + contest + "/units/U1/attention", Map.of("score", 80)).status())
                .isEqualTo(200);
        ok201(admin.postJson("/api/admin/accounts", Map.of("username", ORGANIZER, "role", "ORGANIZER",
                "password", "organizer-pass-1")));
        ok201(admin.postJson("/api/admin/accounts", Map.of("username", COORDINATOR, "role", "COORDINATOR",
                "password", "coordinator-pass-1", "unitContest", contest, "unitCode", "U1")));

        // A draw committed and revealed (sealed, two tiers), and one committed only.
        String seedSources = "现场掷骰三次";
        data.addAll(List.of(seedSources, "一等奖", "二等奖", "3 5 6"));
        Api.Response sealed = admin.postJson("/api/admin/contests/" + contest + "/draws", Map.of("name", DRAW, "k", 2,
                "pool", "offline-perfect", "seedSources", seedSources,
                "tiers", List.of(Map.of("name", "一等奖", "count", 1), Map.of("name", "二等奖", "count", 1))));
        assertThat(sealed.status()).as(sealed.body()).isEqualTo(201);
        sealedDraw = sealed.json().get("id").asLong();
        ok(admin.postJson("/api/admin/draws/" + sealedDraw + "/reveal", Map.of("seed", List.of("3 5 6"))));
        Api.Response open = admin.postJson("/api/admin/contests/" + contest + "/draws", Map.of("name", OPEN_DRAW, "k", 1,
                "pool", "offline-perfect", "seedSources", seedSources));
        assertThat(open.status()).as(open.body()).isEqualTo(201);
        committedDraw = open.json().get("id").asLong();
        ok(admin.postJson("/api/admin/contests/" + contest + "/freeze", Map.of()));
    }

    @Test
    void everyPageIsInOneLanguage() {
        List<String> findings = new ArrayList<>();
        for (String url : urls()) {
            for (Locale language : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
                WebSession.Page page = get(url, language);
                findings.addAll(check(url, language, page.body()));
            }
        }
        assertThat(findings).as("text of the other language").isEmpty();
    }

    // --- checks that run on every branch

    @Test
    void everyPageIsVisitedAndAnswers() {
        List<String> urls = urls();
        assertThat(urls).as("path variables filled").noneMatch(u -> u.contains("{"))
                .contains("/", "/rules", "/login", "/c/" + contest, "/c/" + contest + "/ranking",
                        "/admin/contests/" + contest + "/dashboard", "/draws/" + sealedDraw, "/draws/" + committedDraw);
        for (String url : urls) {
            for (Locale language : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
                WebSession.Page page = get(url, language);
                assertThat(page.status()).as("%s in %s", url, language).isEqualTo(url.contains("/987654") ? 404 : 200);
                assertThat(page.header("Content-Type")).as(url).startsWith("text/html");
            }
        }
    }

    @Test
    void theConvertedRulesPageIsInOneLanguage() {
        for (Locale language : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
            WebSession.Page page = get("/rules", language);
            assertThat(check("/rules", language, page.body())).as(language.toString()).isEmpty();
        }
    }

    @Test
    void aPlantedBilingualStringIsFound() {
        String zh = get("/rules", Locale.SIMPLIFIED_CHINESE).body().replace("</main>",
                "<p>开始答题 Start</p><input type=\"submit\" value=\"提交 Submit\"><span title=\"Ranking\">排名</span>"
                        + "<p>" + CONTEST + " · " + Fixtures.bank().get(1).get(2) + "</p></main>");
        assertThat(check("/rules", Locale.SIMPLIFIED_CHINESE, zh)).containsExactly(
                "/rules [zh]: \"Start\" in text «开始答题 Start»",
                "/rules [zh]: \"Submit\" in value «提交 Submit»",
                "/rules [zh]: \"Ranking\" in title «Ranking»");
        String en = get("/rules", Locale.ENGLISH).body().replace("</main>",
                "<p>开始答题 Start</p><script type=\"application/json\">{\"rules.js.x\": \"已保存 Saved\"}</script></main>")
                .replaceFirst("lang=\"en\"", "lang=\"zh-CN\"");
        assertThat(check("/rules", Locale.ENGLISH, en)).containsExactly(
                "/rules [en]: <html lang=\"zh-CN\">",
                "/rules [en]: \"开始答题\" in text «开始答题 Start»",
                "/rules [en]: \"已保存\" in script text rules.js.x «已保存 Saved»");
    }

    // --- the pages

    /** Every page's URL: the GET view mappings with their variables filled, then the states reached with a query. */
    List<String> urls() {
        RequestMappingHandlerMapping mapping = context().getBean("requestMappingHandlerMapping",
                RequestMappingHandlerMapping.class);
        Set<String> urls = new TreeSet<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mapping.getHandlerMethods().entrySet()) {
            RequestMappingInfo info = e.getKey();
            HandlerMethod method = e.getValue();
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            Class<?> returns = method.getReturnType().getParameterType();
            boolean view = returns == String.class || ModelAndView.class.isAssignableFrom(returns);
            boolean body = method.hasMethodAnnotation(ResponseBody.class)
                    || AnnotatedElementUtils.hasAnnotation(method.getBeanType(), ResponseBody.class);
            boolean html = info.getProducesCondition().getProducibleMediaTypes().stream()
                    .allMatch(t -> t.isCompatibleWith(MediaType.TEXT_HTML));
            if ((!methods.isEmpty() && !methods.contains(RequestMethod.GET)) || !view || body || !html) {
                continue;
            }
            for (String pattern : info.getPatternValues()) {
                if (!pattern.startsWith("/api/") && !pattern.equals("/error")) {
                    urls.addAll(fill(pattern));
                }
            }
        }
        urls.add("/draws/" + sealedDraw + "?ticket=K001");
        urls.add("/draws/" + sealedDraw + "?ticket=NOPE");
        urls.add("/admin/contests/" + contest + "/offline?job=" + job);
        urls.add("/admin/audit?contest=" + contest);
        urls.add("/c/" + closedContest);
        urls.add("/c/987654");
        urls.add("/admin/contests/987654");
        return new ArrayList<>(urls);
    }

    /** {@code pattern} with its variables filled: a draw page for each draw, otherwise the fixture contest. */
    List<String> fill(String pattern) {
        List<String> out = new ArrayList<>();
        List<Long> ids = pattern.startsWith("/draws/") ? List.of(sealedDraw, committedDraw) : List.of(contest);
        for (long id : ids) {
            Matcher m = VARIABLE.matcher(pattern);
            StringBuilder sb = new StringBuilder();
            while (m.find()) {
                String value = switch (m.group(1)) {
                    case "id", "contestId" -> String.valueOf(id);
                    case "drawId" -> String.valueOf(sealedDraw);
                    case "code" -> "U1";
                    case "jobId" -> job;
                    default -> m.group(); // left as it is: everyPageIsVisitedAndAnswers names it
                };
                m.appendReplacement(sb, Matcher.quoteReplacement(value));
            }
            m.appendTail(sb);
            out.add(sb.toString());
        }
        return out;
    }

    WebSession.Page get(String url, Locale language) {
        WebSession session = url.startsWith("/admin") ? staff() : new WebSession(api());
        return session.get(url, Map.of("Accept-Language", language.getLanguage().equals("en") ? "en" : "zh-CN"));
    }

    WebSession staff() {
        WebSession s = new WebSession(api());
        assertThat(s.login("admin", App.ADMIN_PASSWORD).status()).isEqualTo(302);
        return s;
    }

    // --- the check

    /** What on {@code html} is of the other language than {@code language}, one line per finding. */
    List<String> check(String url, Locale language, String html) {
        boolean english = language.getLanguage().equals("en");
        String where = url + " [" + (english ? "en" : "zh") + "]: ";
        El doc = Wording.parse(url, html);
        List<String> findings = new ArrayList<>();
        El root = first(doc, "html");
        String lang = root == null ? null : root.attribute("lang");
        if (!(english ? "en" : "zh-CN").equals(lang)) {
            findings.add(where + "<html lang=\"" + lang + "\">");
        }
        Set<String> notation = Wording.notationWords(doc);
        walk(doc, english, notation, where, findings);
        return findings;
    }

    private void walk(El node, boolean english, Set<String> notation, String where, List<String> findings) {
        for (Node child : node.children()) {
            if (child instanceof Tx t) {
                shown(Wording.decode(t.content()), "text", english, notation, where, findings);
            } else if (child instanceof El e) {
                element(e, english, notation, where, findings);
            }
        }
    }

    private void element(El e, boolean english, Set<String> notation, String where, List<String> findings) {
        for (String a : SHOWN_ATTRIBUTES) {
            if (e.attribute(a) != null) {
                shown(Wording.decode(e.attribute(a)), a, english, notation, where, findings);
            }
        }
        String type = String.valueOf(e.attribute("type")).toLowerCase(Locale.ROOT);
        if (e.name().equals("input") && e.attribute("value") != null && !Set.of("hidden", "checkbox", "radio").contains(type)) {
            shown(Wording.decode(e.attribute("value")), "value", english, notation, where, findings);
        }
        if (e.name().equals("script")) {
            if ("application/json".equals(type)) {
                StringBuilder json = new StringBuilder();
                e.children().forEach(c -> json.append(c instanceof Tx t ? t.content() : ""));
                if (!json.toString().isBlank()) {
                    Api.JSON.readTree(json.toString()).properties().forEach(p -> {
                        if (p.getValue().isString()) {
                            shown(p.getValue().asString(), "script text " + p.getKey(), english, notation, where, findings);
                        }
                    });
                }
            }
            return;
        }
        if (e.name().equals("style") || Wording.NOTATION.contains(e.name()) || languageSwitch(e, english)) {
            return;
        }
        walk(e, english, notation, where, findings);
    }

    /** The switch to the other language: a link whose whole text is that language's name. */
    private static boolean languageSwitch(El e, boolean english) {
        if (!e.name().equals("a")) {
            return false;
        }
        StringBuilder text = new StringBuilder();
        e.children().forEach(c -> text.append(c instanceof Tx t ? t.content() : "\u0000"));
        return text.toString().strip().equals(english ? "中文" : "English");
    }

    private void shown(String text, String what, boolean english, Set<String> notation, String where,
                       List<String> findings) {
        List<String> foreign = english ? Wording.chineseWords(Wording.withoutData(Wording.withoutImportValues(text), data))
                : Wording.english(Wording.withoutData(text, data), notation);
        for (String f : foreign) {
            findings.add(where + "\"" + f + "\" in " + what + " «" + Wording.excerpt(text) + "»");
        }
    }

    private static El first(El node, String name) {
        for (Node c : node.children()) {
            if (c instanceof El e) {
                if (e.name().equals(name)) {
                    return e;
                }
                El inner = first(e, name);
                if (inner != null) {
                    return inner;
                }
            }
        }
        return null;
    }

    /** A name as public pages show it: its first character, then stars. */
    static String masked(String name) {
        return name.charAt(0) + "*".repeat(name.length() - 1);
    }

    private static void ok(Api.Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    private static void ok201(Api.Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(201);
    }
}
