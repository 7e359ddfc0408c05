package org.baiti.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.baiti.testing.Api;
import org.baiti.testing.Fixtures;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The participant's and the public's pages over one set of contests (open with answers, a ranking, offline results and
 * a sealed and a committed draw; not open yet; over and frozen), and what a person reads on them: the words of a
 * page without its data (names, units, questions, contest and draw names, as imported), so that a test can tell the
 * language of the page's own words.
 */
final class PublicPages {

    /** The names of the people of the fixture (online and offline), as imported. */
    static final List<String> PEOPLE = List.of("张三丰", "李华", "欧阳娜娜", "周一", "赵敏", "王小明", "钱多多");
    static final String LONG_UNIT = "东城区高新技术产业开发区企业服务中心";
    static final String DRAW = "线下满分抽奖";
    static final String SECOND_DRAW = "线下满分抽奖复核";
    static final List<String> TIERS = List.of("一等奖", "二等奖");
    static final String SEED_SOURCES = "现场掷骰三次";

    /** Tokens that are names or notation, not English words, allowed on a Chinese page. */
    static final Set<String> NOTATION = Set.of("Baiti", "API", "CSV", "JSON", "json", "SHA-256", "QR", "PNG", "PDF",
            "HTTP", "HTTPS", "https", "http", "JavaScript", "Web", "Crypto", "BigInt", "TextEncoder", "VerifyDraw.java", "Java",
            "java", "baiti.public-url", "BD",
            "JDK", "UTF-8", "XLSX", "Excel", "Windows", "GB18030", "GBK", "BOM", "baiti-draw-v1", "hex", "uniform",
            "limit", "mod", "min", "w_rate", "w_acc", "w_att", "u_j", "ABD", "single", "multiple", "truefalse", "true",
            "false", "verified", "GET");

    private static final Pattern TEXTS = Pattern.compile(
            "<script type=\"application/json\" id=\"baiti-texts\">(.*?)</script>", Pattern.DOTALL);
    private static final Pattern SWITCH = Pattern.compile("<a class=\"lang-switch\"[^>]*href=\"([^\"]*)\"[^>]*>([^<]*)</a>");
    private static final Pattern ATTRIBUTE = Pattern.compile("\\s(?:placeholder|alt|title|aria-label)=\"([^\"]*)\"");
    private static final Pattern HTML_LANG = Pattern.compile("<html[^>]*\\slang=\"([^\"]*)\"");
    private static final Pattern WORD = Pattern.compile("[A-Za-z][A-Za-z0-9_]*(?:[-.][A-Za-z0-9_]+)*");
    private static final Pattern CJK = Pattern.compile("[\\p{IsHan}\\u3000-\\u303F\\uFF00-\\uFFEF]+");

    final long open;
    final long notYet;
    final long frozen;
    final long sealed;
    final long committed;
    private final Set<String> data = new LinkedHashSet<>();

    /** One page: where it is, the status it answers with, whether it needs a staff login. */
    record Page(String name, String path, int status, boolean staff) {
    }

    PublicPages(Api api) {
        Api admin = api.admin();
        String name = "全市森林防火知识竞赛";
        open = Fixtures.contest(admin, Map.of("name", name, "onlineQuota", 2, "drawQuota", 2));
        notYet = Fixtures.contest(admin, Map.of("name", "明年的防火知识竞赛",
                "opensAt", Instant.now().plusSeconds(86_400).toString(),
                "closesAt", Instant.now().plusSeconds(2 * 86_400).toString()));
        frozen = Fixtures.contest(admin, Map.of("name", "去年的防火知识竞赛",
                "opensAt", Instant.now().minusSeconds(3 * 86_400).toString(),
                "closesAt", Instant.now().minusSeconds(60).toString()));
        // a unit with a long name: on a phone the ranking wraps it rather than push the time off the screen
        List<List<String>> units = new ArrayList<>(Fixtures.units());
        units.add(List.of("U2-2", LONG_UNIT, "U2", ""));
        for (long c : List.of(open, frozen)) {
            assertThat(admin.upload("/api/admin/contests/" + c + "/units", "units.csv",
                    Fixtures.csv(units)).status()).isEqualTo(200);
            assertThat(admin.upload("/api/admin/contests/" + c + "/bank", "bank.csv",
                    Fixtures.csv(Fixtures.bank())).status()).isEqualTo(200);
            Api.Response offline = admin.upload("/api/admin/contests/" + c + "/offline-results", "offline.csv",
                    Fixtures.csv(List.of(
                            List.of("准考证号", "姓名", "手机号", "单位编码", "得分"),
                            List.of("2026-A0001", "赵敏", "13800000011", "U1-1", "6"),
                            List.of("2026-A0002", "王小明", "13800000012", "U2", "6"),
                            List.of("2026-A0003", "钱多多", "13800000013", "U1", "6"),
                            List.of("2026-A0004", "李华", "13800000014", "U2-1", "3"))));
            assertThat(offline.status()).as(offline.body()).isEqualTo(200);
        }
        String[][] online = {{"张三丰", "13900000001", "U1-1"}, {"李华", "13900000002", "U2"},
                {"欧阳娜娜", "13900000003", "U1-1-1"}, {"周一", "13900000004", "U2-2"}};
        for (String[] p : online) {
            Api.Response start = api.postJson("/api/contests/" + open + "/attempts",
                    Map.of("name", p[0], "phone", p[1], "unit", p[2], "consent", true));
            assertThat(start.status()).as(start.body()).isEqualTo(201);
            JsonNode paper = start.json();
            Map<String, List<String>> answers = new LinkedHashMap<>();
            paper.get("questions").forEach(q -> answers.put(q.get("id").asString(),
                    List.of(q.get("options").get(0).get("id").asString())));
            assertThat(api.postJson("/api/attempts/" + paper.get("attemptId").asString() + "/submit",
                    Map.of("answers", answers), paper.get("token").asString()).status()).isEqualTo(200);
        }
        Api.Response commit = admin.postJson("/api/admin/contests/" + open + "/draws", Map.of("name", DRAW, "k", 2,
                "pool", "offline-perfect", "seedSources", SEED_SOURCES,
                "tiers", List.of(Map.of("name", TIERS.get(0), "count", 1), Map.of("name", TIERS.get(1), "count", 1))));
        assertThat(commit.status()).as(commit.body()).isEqualTo(201);
        sealed = commit.json().get("id").asLong();
        assertThat(admin.postJson("/api/admin/draws/" + sealed + "/reveal", Map.of("seed", List.of("3089.26", "4 2 6")))
                .status()).isEqualTo(200);
        Api.Response second = admin.postJson("/api/admin/contests/" + open + "/draws", Map.of("name", SECOND_DRAW,
                "k", 1, "pool", "offline-perfect", "seedSources", SEED_SOURCES));
        assertThat(second.status()).as(second.body()).isEqualTo(201);
        committed = second.json().get("id").asLong();
        assertThat(admin.putJson("/api/admin/contests/" + frozen + "/units/U1/attention", Map.of("score", 90)).status())
                .isEqualTo(200);
        assertThat(admin.postJson("/api/admin/contests/" + frozen + "/freeze", Map.of()).status()).isEqualTo(200);

        // Data as imported: shown as it is in either language.
        admin.get("/api/admin/contests").json().forEach(c -> data.add(c.get("name").asString()));
        units.stream().skip(1).forEach(row -> data.add(row.get(1)));
        for (String person : PEOPLE) {
            data.add(person);
            data.add(person.charAt(0) + "*".repeat(person.length() - 1)); // as the public draw record masks it
        }
        data.addAll(List.of(DRAW, SECOND_DRAW, SEED_SOURCES, "Asia/Shanghai"));
        data.addAll(TIERS);
    }

    /** Every page of the participant and the public, and the share page of the staff. */
    List<Page> pages() {
        return List.of(
                new Page("home", "/", 200, false),
                new Page("login", "/login", 200, false),
                new Page("rules", "/rules", 200, false),
                new Page("answer", "/c/" + open, 200, false),
                new Page("answer-not-yet", "/c/" + notYet, 200, false),
                new Page("answer-over", "/c/" + frozen, 200, false),
                new Page("ranking", "/c/" + open + "/ranking", 200, false),
                new Page("ranking-frozen", "/c/" + frozen + "/ranking", 200, false),
                new Page("my-data", "/c/" + open + "/my-data", 200, false),
                new Page("awards", "/c/" + open + "/awards", 200, false),
                new Page("awards-frozen", "/c/" + frozen + "/awards", 200, false),
                new Page("draw-record", "/draws/" + sealed + "?ticket=2026-A0001", 200, false),
                new Page("draw-committed", "/draws/" + committed, 200, false),
                new Page("draw-stage", "/draws/" + sealed + "/stage", 200, false),
                new Page("draw-stage-committed", "/draws/" + committed + "/stage", 200, false),
                new Page("error-not-found", "/no-such-page", 404, false),
                new Page("error-no-contest", "/c/999999999/ranking", 404, false),
                new Page("error-no-draw", "/draws/999999999", 404, false),
                new Page("share", "/admin/contests/" + open + "/share", 200, true));
    }

    /** The {@code lang} of the page's {@code <html>} element. */
    static String htmlLang(String html) {
        Matcher m = HTML_LANG.matcher(html);
        assertThat(m.find()).as("<html lang>").isTrue();
        return m.group(1);
    }

    /** The language switch of the page: its link and its label; null when the page has none. */
    static String[] languageSwitch(String html) {
        Matcher m = SWITCH.matcher(html);
        return m.find() ? new String[] {HtmlUtils.htmlUnescape(m.group(1)), m.group(2)} : null;
    }

    /**
     * What a person reads on the page, less its data: text, the words the page's scripts show (its baiti-texts), the
     * placeholders, alternative texts and titles; without the language switch (it names the other language), code
     * (digests, commands, column names) and addresses. A staff page's header ({@code fragments :: adminNav}) is left
     * out: it belongs to the staff pages and is tested with them.
     */
    String words(String html) {
        html = html.replaceFirst("(?s)<header class=\"top\">(?:(?!</header>).)*<form[^>]*action=\"/logout\".*?</header>", " ");
        StringBuilder out = new StringBuilder();
        Matcher texts = TEXTS.matcher(html);
        while (texts.find()) {
            Api.JSON.readTree(texts.group(1).replace("<\\/", "</")).properties()
                    .forEach(e -> out.append(e.getValue().asString()).append('\n'));
        }
        Matcher attributes = ATTRIBUTE.matcher(html);
        while (attributes.find()) {
            out.append(HtmlUtils.htmlUnescape(attributes.group(1))).append('\n');
        }
        String text = html.replaceAll("(?s)<!--.*?-->", " ")
                .replaceAll("(?s)<script.*?</script>", " ")
                .replaceAll("(?s)<style.*?</style>", " ")
                .replaceAll("(?s)<svg.*?</svg>", " ")
                .replaceAll("(?s)<code[^>]*>.*?</code>", " ")
                .replaceAll("<a class=\"lang-switch\"[^>]*>[^<]*</a>", " ")
                .replaceAll("<[^>]+>", " ");
        out.append(HtmlUtils.htmlUnescape(text));
        String words = out.toString();
        List<String> longestFirst = new ArrayList<>(data);
        longestFirst.sort(Comparator.comparingInt(String::length).reversed());
        for (String d : longestFirst) {
            words = words.replace(d, " ");
        }
        return words.replaceAll("https?://\\S+", " ").replaceAll("(?<![A-Za-z0-9])/[A-Za-z0-9_./-]+", " ");
    }

    /** The English words on a page's words that are not names or notation (nor codes: a digit makes a code). */
    static List<String> englishWords(String words) {
        List<String> found = new ArrayList<>();
        Matcher m = WORD.matcher(words.replaceAll("(?<![A-Za-z0-9])[0-9a-f]{8,}(?![A-Za-z0-9])", " "));
        while (m.find()) {
            String w = m.group();
            if (w.length() > 1 && !NOTATION.contains(w) && !w.matches(".*[0-9].*")) {
                found.add(w);
            }
        }
        return found;
    }

    /** The Chinese characters and punctuation on a page's words. */
    static List<String> chinese(String words) {
        List<String> found = new ArrayList<>();
        Matcher m = CJK.matcher(words);
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }
}
