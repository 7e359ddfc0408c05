package org.baiti.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.baiti.web.Wording.El;
import org.baiti.web.Wording.Node;
import org.baiti.web.Wording.Tx;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No template under {@code templates/} and no script under {@code static/js/} holds a word a person reads: those come
 * from the bundles ({@code #{key}} in templates, {@code BaitiTexts.t(key)} in scripts).
 *
 * <p>Templates: no Chinese ({@link Wording#CJK}) and no English word ({@link Wording#LATIN_WORD}) in text nodes or in
 * the {@code placeholder}, {@code title}, {@code aria-label}, {@code alt} and (on inputs people see) {@code value}
 * attributes — except where Thymeleaf replaces them: inside an element with {@code th:text}, {@code th:utext},
 * {@code th:replace} or {@code th:insert}, an attribute with a {@code th:} twin, and {@code <script type="application/json">}
 * (the bundles' words for scripts). No Chinese in the string literals of {@code th:} expressions either
 * ({@code th:text="'满分 ' + ${n}"}). Inline scripts follow the rules for scripts. Notation is not wording (see
 * {@link Wording}). Allowed: the language switch's "中文" and "English" in {@code fragments.html}, and the technical
 * tokens of {@link Wording#TECHNICAL}.
 *
 * <p>Scripts: no Chinese in any string or template literal (comments may be Chinese). And no English sentence shown to
 * a person, found by a heuristic with few false positives: a literal of at least two words (letters, a space, letters)
 * that goes to the page — assigned to {@code textContent}, {@code innerText}, {@code innerHTML}, {@code outerHTML},
 * {@code placeholder} or {@code title}, or an argument of {@code alert}, {@code confirm}, {@code prompt},
 * {@code createTextNode}, {@code insertAdjacentText}, {@code insertAdjacentHTML}, {@code append} or
 * {@code prepend}, directly or through concatenation and conditionals in the same expression. Not found: a sentence
 * kept in a variable first, or handed to a library (a chart's series name).
 */
class LiteralTextTest {

    static final Path TEMPLATES = Path.of("src/main/resources/templates");
    static final Path SCRIPTS = Path.of("src/main/resources/static/js");

    /** Replaced by Thymeleaf with what the expression gives: the element's own content is a prototype. */
    private static final Set<String> REPLACING = Set.of("th:text", "th:utext", "th:replace", "th:insert",
            "data-th-text", "data-th-utext", "data-th-replace", "data-th-insert");
    /** Attributes a person reads. */
    private static final List<String> SHOWN_ATTRIBUTES = List.of("placeholder", "title", "aria-label", "alt", "value");
    /** Allowed literals per template: the language switch names the other language in that language. */
    private static final Map<String, Set<String>> ALLOWED = Map.of("fragments.html", Set.of("中文", "English"));
    private static final Pattern EXPRESSION_LITERAL = Pattern.compile("'((?:[^'\\\\]|\\\\.)*)'");
    private static final Pattern INLINE_EXPRESSION = Pattern.compile("\\[\\[.*?]]|\\[\\(.*?\\)]", Pattern.DOTALL);

    @Test
    void noTemplateHoldsALiteralUiString() throws IOException {
        List<String> findings = new ArrayList<>();
        for (Path p : files(TEMPLATES, ".html")) {
            findings.addAll(template(TEMPLATES.relativize(p).toString(), Files.readString(p, StandardCharsets.UTF_8)));
        }
        assertThat(findings).as("literal UI strings in templates (use #{key})").isEmpty();
    }

    @Test
    void noScriptHoldsALiteralUiString() throws IOException {
        List<String> findings = new ArrayList<>();
        for (Path p : files(SCRIPTS, ".js")) {
            findings.addAll(script(SCRIPTS.relativize(p).toString(), Files.readString(p, StandardCharsets.UTF_8), 1));
        }
        assertThat(findings).as("literal UI strings in scripts (use BaitiTexts.t(key))").isEmpty();
    }

    // --- the checks on converted files and planted strings (they run on every branch)

    @Test
    void theConvertedRulesTemplateAndTheTextsScriptHoldNoLiteral() throws IOException {
        assertThat(template("rules/rules.html", Files.readString(TEMPLATES.resolve("rules/rules.html")))).isEmpty();
        assertThat(script("texts.js", Files.readString(SCRIPTS.resolve("texts.js")), 1)).isEmpty();
    }

    @Test
    void plantedStringsInATemplateAreFound() {
        String html = """
                <html xmlns:th="http://www.thymeleaf.org"><body>
                <h1 th:text="#{rules.title}">竞赛规则 Rules</h1>
                <p>开始答题 Start</p>
                <input placeholder="Your name" th:attr="data-x=1">
                <input th:placeholder="#{x}" placeholder="姓名">
                <input type="hidden" name="lang" value="en">
                <input type="submit" value="提交">
                <img src="a.png" alt="logo">
                <span th:text="'满分 ' + ${n}"></span>
                <span th:text="${a} ? 'open' : 'closed'"></span>
                <b>[[#{a.key}]]</b> · <i>[[${x}]]</i>
                <pre>score = w_rate · min(rate, 1)</pre><th>rate</th><td><code>题号 / id</code></td>
                <p>API · CSV · XLSX · SHA-256 · QR</p>
                <script type="application/json">{"a": "中文 text"}</script>
                <script>var s = '已保存';</script>
                <!--/* 注释 comment */-->
                </body></html>
                """;
        assertThat(template("planted.html", html)).containsExactly(
                "planted.html:3: text \"开始答题\"",
                "planted.html:3: text \"Start\"",
                "planted.html:4: placeholder \"Your\"",
                "planted.html:4: placeholder \"name\"",
                "planted.html:7: value \"提交\"",
                "planted.html:8: alt \"logo\"",
                "planted.html:9: th:text literal \"满分\"",
                "planted.html:15: script: Chinese in a string literal '已保存'");
    }

    @Test
    void theLanguageSwitchIsAllowedInFragmentsOnly() {
        String html = "<a th:text=\"${#locale.language == 'en'} ? '中文' : 'English'\">English</a>";
        assertThat(template("fragments.html", html)).isEmpty();
        assertThat(template("other.html", html)).containsExactly("other.html:1: th:text literal \"中文\"");
    }

    @Test
    void plantedStringsInAScriptAreFound() {
        String js = """
                // 注释可以是中文
                var key = 'online.js.saved';
                el.textContent = 'Saved to the server';
                el.textContent = ok ? t('a') : 'Not saved yet';
                status.innerHTML = '<b>' + n + ' rows left</b>';
                alert('Network error, try again');
                var tip = `还有 ${n} 题`;
                var re = /[对错]/;
                fetch('/api/x', { headers: { 'Content-Type': 'application/json' } });
                el.querySelector('.field-error .msg').hidden = true;
                var label = 'Two words';
                console.log('debug only message');
                el.setAttribute('data-state', 'almost done');
                """;
        assertThat(script("planted.js", js, 1)).containsExactly(
                "planted.js:3: English sentence 'Saved to the server' shown to a person",
                "planted.js:4: English sentence 'Not saved yet' shown to a person",
                "planted.js:5: English sentence ' rows left</b>' shown to a person",
                "planted.js:6: English sentence 'Network error, try again' shown to a person",
                "planted.js:7: Chinese in a string literal `还有 ${n} 题`");
    }

    // --- templates

    static List<String> template(String name, String html) {
        El doc = Wording.parse(name, html);
        Set<String> allowed = new java.util.HashSet<>(Wording.notationWords(doc));
        Set<String> literals = ALLOWED.getOrDefault(Path.of(name).getFileName().toString(), Set.of());
        literals.forEach(l -> allowed.add(l.toLowerCase(Locale.ROOT)));
        List<String> findings = new ArrayList<>();
        walk(name, doc, allowed, literals, findings);
        return findings;
    }

    private static void walk(String name, El node, Set<String> allowed, Set<String> literals,
                             List<String> findings) {
        for (Node child : node.children()) {
            if (child instanceof Tx t) {
                String text = Wording.decode(INLINE_EXPRESSION.matcher(t.content()).replaceAll(" "));
                report(findings, name, t.line(), "text", text, allowed, literals);
            } else if (child instanceof El e) {
                element(name, e, allowed, literals, findings);
            }
        }
    }

    private static void element(String name, El e, Set<String> allowed, Set<String> literals, List<String> findings) {
        String tag = e.name();
        Map<String, String> attributes = e.attributes();
        for (Map.Entry<String, String> a : attributes.entrySet()) {
            if (a.getKey().startsWith("th:") || a.getKey().startsWith("data-th-")) {
                Matcher m = EXPRESSION_LITERAL.matcher(a.getValue());
                while (m.find()) {
                    for (String c : Wording.chinese(m.group(1))) {
                        if (!literals.contains(m.group(1)) && !literals.contains(c)) {
                            findings.add(name + ":" + e.line() + ": " + a.getKey() + " literal \"" + c + "\"");
                        }
                    }
                }
            }
        }
        for (String shown : SHOWN_ATTRIBUTES) {
            String value = attributes.get(shown);
            if (value == null || replaced(attributes, shown) || shown.equals("value") && !shownValue(tag, attributes)) {
                continue;
            }
            report(findings, name, e.line(), shown, Wording.decode(value), allowed, literals);
        }
        if (tag.equals("script")) {
            if (!"application/json".equalsIgnoreCase(attributes.getOrDefault("type", "")) && !replacedContent(attributes)) {
                StringBuilder code = new StringBuilder();
                e.children().forEach(c -> code.append(c instanceof Tx t ? t.content() : ""));
                script(name, code.toString(), e.line()).forEach(f -> findings.add(f.replaceFirst(
                        "^" + Pattern.quote(name) + ":(\\d+): ", Matcher.quoteReplacement(name) + ":$1: script: ")));
            }
            return;
        }
        if (tag.equals("style") || replacedContent(attributes) || Wording.NOTATION.contains(tag)) {
            return;
        }
        walk(name, e, allowed, literals, findings);
    }

    private static boolean replacedContent(Map<String, String> attributes) {
        return REPLACING.stream().anyMatch(attributes::containsKey);
    }

    /** Whether Thymeleaf sets {@code attribute} ({@code th:title}, or {@code th:attr="title=..."}). */
    private static boolean replaced(Map<String, String> attributes, String attribute) {
        if (attributes.containsKey("th:" + attribute) || attributes.containsKey("data-th-" + attribute)) {
            return true;
        }
        String attr = attributes.getOrDefault("th:attr", "");
        return Pattern.compile("(^|,)\\s*" + Pattern.quote(attribute) + "\\s*=").matcher(attr).find();
    }

    /** A {@code value} people see: on an input other than hidden, checkbox or radio (a button's value is not shown). */
    private static boolean shownValue(String tag, Map<String, String> attributes) {
        String type = attributes.getOrDefault("type", "text").toLowerCase(Locale.ROOT);
        return tag.equals("input") && !Set.of("hidden", "checkbox", "radio").contains(type);
    }

    private static void report(List<String> findings, String name, int line, String where, String text,
                               Set<String> allowed, Set<String> literals) {
        String t = text;
        for (String l : literals) {
            t = t.replace(l, " ");
        }
        for (String c : Wording.chinese(t)) {
            findings.add(name + ":" + line + ": " + where + " \"" + c + "\"");
        }
        for (String w : Wording.english(t, allowed)) {
            findings.add(name + ":" + line + ": " + where + " \"" + w + "\"");
        }
    }

    // --- scripts

    /** Token kinds of the small JavaScript reader below. */
    enum Kind { STRING, TEMPLATE, REGEX, IDENT, PUNCT, NUMBER }

    record Token(Kind kind, String text, int line) {
    }

    /** Sinks a literal reaches through an assignment ({@code el.textContent = ...}). */
    private static final Set<String> PROPERTY_SINKS = Set.of("textContent", "innerText", "innerHTML", "outerHTML",
            "placeholder", "title");
    /** Sinks a literal reaches as an argument ({@code alert(...)}). */
    private static final Set<String> CALL_SINKS = Set.of("alert", "confirm", "prompt", "createTextNode",
            "insertAdjacentText", "insertAdjacentHTML", "append", "prepend");
    private static final Pattern SENTENCE = Pattern.compile("[A-Za-z]{2,}[,.!?:;]?\\s+[A-Za-z]{2,}");

    /** The findings in a script whose first line is {@code firstLine} of {@code name}. */
    static List<String> script(String name, String code, int firstLine) {
        List<Token> tokens = tokens(code, firstLine);
        List<String> findings = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.kind() != Kind.STRING && t.kind() != Kind.TEMPLATE) {
                continue;
            }
            String content = t.text().substring(1, t.text().length() - 1);
            if (Wording.CJK.matcher(content).find()) {
                findings.add(name + ":" + t.line() + ": Chinese in a string literal " + t.text());
                continue;
            }
            String words = t.kind() == Kind.TEMPLATE ? content.replaceAll("\\$\\{[^}]*}", " ") : content;
            if (SENTENCE.matcher(words.replaceAll("<[^>]*>", " ")).find() && reachesThePage(tokens, i)) {
                findings.add(name + ":" + t.line() + ": English sentence " + t.text() + " shown to a person");
            }
        }
        return findings;
    }

    /** Whether the literal at {@code index} goes to a sink within its expression (see the class comment). */
    private static boolean reachesThePage(List<Token> tokens, int index) {
        int depth = 0;
        for (int j = index - 1; j >= 0; j--) {
            Token t = tokens.get(j);
            String s = t.text();
            if (t.kind() != Kind.PUNCT) {
                continue;
            }
            if (s.equals(")") || s.equals("]") || s.equals("}")) {
                depth++;
            } else if (s.equals("(") || s.equals("[") || s.equals("{")) {
                if (depth > 0) {
                    depth--;
                    continue;
                }
                if (s.equals("{")) {
                    return false;
                }
                if (s.equals("(") && j > 0 && tokens.get(j - 1).kind() == Kind.IDENT
                        && CALL_SINKS.contains(tokens.get(j - 1).text())) {
                    return true;
                }
            } else if (depth == 0 && s.equals(";")) {
                return false;
            } else if (depth == 0 && (s.equals("=") || s.equals("+="))) {
                return j >= 2 && tokens.get(j - 1).kind() == Kind.IDENT && PROPERTY_SINKS.contains(tokens.get(j - 1).text())
                        && tokens.get(j - 2).text().equals(".");
            }
        }
        return false;
    }

    /** A JavaScript reader good enough for these scripts: strings, templates, regular expressions, comments. */
    static List<Token> tokens(String code, int firstLine) {
        List<Token> out = new ArrayList<>();
        int line = firstLine;
        int i = 0;
        int n = code.length();
        while (i < n) {
            char c = code.charAt(i);
            if (c == '\n') {
                line++;
                i++;
            } else if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '/' && i + 1 < n && code.charAt(i + 1) == '/') {
                while (i < n && code.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '/' && i + 1 < n && code.charAt(i + 1) == '*') {
                int end = code.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                line += count(code, i, end);
                i = end;
            } else if (c == '\'' || c == '"') {
                int j = i + 1;
                while (j < n && code.charAt(j) != c && code.charAt(j) != '\n') {
                    j += code.charAt(j) == '\\' ? 2 : 1;
                }
                j = Math.min(j + 1, n);
                out.add(new Token(Kind.STRING, code.substring(i, j), line));
                i = j;
            } else if (c == '`') {
                int j = i + 1;
                int braces = 0;
                while (j < n && (code.charAt(j) != '`' || braces > 0)) {
                    char d = code.charAt(j);
                    if (d == '\\') {
                        j++;
                    } else if (d == '$' && j + 1 < n && code.charAt(j + 1) == '{') {
                        braces++;
                        j++;
                    } else if (d == '}' && braces > 0) {
                        braces--;
                    }
                    j++;
                }
                j = Math.min(j + 1, n);
                out.add(new Token(Kind.TEMPLATE, code.substring(i, j), line));
                line += count(code, i, j);
                i = j;
            } else if (c == '/' && regexAllowed(out)) {
                int j = i + 1;
                boolean inClass = false;
                while (j < n && code.charAt(j) != '\n' && (code.charAt(j) != '/' || inClass)) {
                    char d = code.charAt(j);
                    if (d == '\\') {
                        j++;
                    } else if (d == '[') {
                        inClass = true;
                    } else if (d == ']') {
                        inClass = false;
                    }
                    j++;
                }
                j = Math.min(j + 1, n);
                while (j < n && Character.isLetter(code.charAt(j))) {
                    j++;
                }
                out.add(new Token(Kind.REGEX, code.substring(i, j), line));
                i = j;
            } else if (Character.isJavaIdentifierStart(c)) {
                int j = i + 1;
                while (j < n && Character.isJavaIdentifierPart(code.charAt(j))) {
                    j++;
                }
                out.add(new Token(Kind.IDENT, code.substring(i, j), line));
                i = j;
            } else if (Character.isDigit(c)) {
                int j = i + 1;
                while (j < n && (Character.isLetterOrDigit(code.charAt(j)) || code.charAt(j) == '.')) {
                    j++;
                }
                out.add(new Token(Kind.NUMBER, code.substring(i, j), line));
                i = j;
            } else {
                String op = operator(code, i);
                out.add(new Token(Kind.PUNCT, op, line));
                i += op.length();
            }
        }
        return out;
    }

    private static final List<String> OPERATORS = List.of(">>>=", "===", "!==", "**=", "<<=", ">>=", ">>>", "...",
            "=>", "==", "!=", "<=", ">=", "&&", "||", "??", "?.", "++", "--", "+=", "-=", "*=", "/=", "%=", "&=", "|=",
            "^=", "<<", ">>", "**");

    private static String operator(String code, int i) {
        for (String op : OPERATORS) {
            if (code.startsWith(op, i)) {
                return op;
            }
        }
        return String.valueOf(code.charAt(i));
    }

    /** A slash starts a regular expression where an expression may start (after an operator or a keyword). */
    private static boolean regexAllowed(List<Token> before) {
        if (before.isEmpty()) {
            return true;
        }
        Token last = before.get(before.size() - 1);
        return switch (last.kind()) {
            case PUNCT -> !last.text().equals(")") && !last.text().equals("]") && !last.text().equals("}");
            case IDENT -> Set.of("return", "typeof", "case", "do", "else", "in", "of", "new", "delete", "void", "throw",
                    "instanceof", "yield", "await").contains(last.text());
            default -> false;
        };
    }

    private static int count(String code, int from, int to) {
        int lines = 0;
        for (int k = from; k < to && k < code.length(); k++) {
            if (code.charAt(k) == '\n') {
                lines++;
            }
        }
        return lines;
    }

    static List<Path> files(Path root, String suffix) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        }
    }
}
