package org.baiti.web;

import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.attoparser.AbstractMarkupHandler;
import org.attoparser.MarkupParser;
import org.attoparser.ParseException;
import org.attoparser.config.ParseConfiguration;

/**
 * What counts as Chinese and as English in a piece of text a person reads, for {@link LiteralTextTest} (templates and
 * scripts as written) and {@link PageLanguageTest} (pages as served).
 *
 * <ul>
 *   <li>Chinese: a Han character, CJK punctuation (、。「」) or a full-width form (：，（）？); on an English page,
 *       except the true/false answers an import file may hold ({@link #IMPORT_VALUES}).</li>
 *   <li>English: a word of two or more Latin letters standing alone — not part of a token with digits or underscores
 *       ({@code v1}, {@code w_rate}, a hex digest), not in a URL, a path ({@code /draws/…}), a file name
 *       ({@code VerifyDraw.java}) or a dotted identifier ({@code baiti.public-url}), and not one of the technical tokens that are the same in both languages
 *       ({@link #TECHNICAL}), nor option letters as an answer is written ({@code ABD}).</li>
 *   <li>Notation is not wording: text inside {@code <pre>}, {@code <code>}, {@code <var>}, {@code <kbd>} and
 *       {@code <samp>} (formulas, digests, file headers to type) is skipped, and the words the notation of a page or
 *       template uses ({@code rate}, {@code score} in the award formula) may name its variables elsewhere on it.</li>
 * </ul>
 */
final class Wording {

    /** Han characters, CJK symbols and punctuation, full-width forms. */
    static final Pattern CJK = Pattern.compile("[\\p{IsHan}\\u3000-\\u303F\\uFF01-\\uFF5E]");
    /** A Latin word: two or more letters, not inside a token of letters, digits and underscores. */
    static final Pattern LATIN_WORD = Pattern.compile("(?<![A-Za-z0-9_])[A-Za-z]{2,}(?![A-Za-z0-9_])");
    /**
     * The same in both languages: formats and standards (SHA of SHA-256, UTF of UTF-8), the names of software a page
     * tells people to use, a key ({@code Ctrl}+P), the functions of a formula ({@code min}, {@code max}, {@code mod}, {@code hex}), and the values an import
     * file may hold or a tool prints ({@code truefalse}, {@code verified}).
     */
    static final Set<String> TECHNICAL = Set.of("API", "CSV", "XLSX", "SHA", "QR", "PDF", "JSON", "json", "ID", "PNG",
            "SVG", "UTF", "BOM", "GBK", "HTTP", "HTTPS", "URL", "GET",
            "Excel", "Windows", "Java", "java", "JDK", "JavaScript", "Web", "Crypto", "BigInt", "TextEncoder",
            "Ctrl", "min", "max", "mod", "hex", "single", "multiple", "truefalse", "true", "false", "verified");
    /** The answers to a true/false question an import file may hold, whatever the page's language (SPEC §2). */
    static final List<String> IMPORT_VALUES = List.of("正确", "错误", "对", "错");
    /** Option letters as an answer is written ("ABD"): notation. */
    static final Pattern ANSWER_LETTERS = Pattern.compile("[A-H]{2,8}");
    /** Elements whose text is notation, not wording. */
    static final Set<String> NOTATION = Set.of("pre", "code", "var", "kbd", "samp");
    private static final Pattern ENTITY = Pattern.compile("&(#[0-9]+|#x[0-9a-fA-F]+|[A-Za-z]+);");
    private static final Pattern URL = Pattern.compile("https?://\\S+");
    /** A path of two or more segments after a space or an opening bracket or quote ({@code /draws/编号}, not "线上/Online"). */
    private static final Pattern PATH = Pattern.compile("(?<=^|[\\s(（“\"'])/[A-Za-z0-9_.{}-]+/[A-Za-z0-9_./{}-]*");
    /** A dotted lower-case identifier: a property ({@code baiti.public-url}) or a code shown as a code ({@code draw.commit}). */
    private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w.])[a-z][a-z0-9_-]*(?:\\.[a-z][a-z0-9_-]*)+");
    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9_-]+\\.(java|json|csv|xlsx|xls|pdf|png|svg|js|html)\\b");

    private Wording() {
    }

    /** A node of parsed markup: an element or a text, with the line it starts on. */
    sealed interface Node permits El, Tx {
        int line();
    }

    /** An element: its name in lower case, its attributes (names in lower case) as written, its children. */
    record El(String name, Map<String, String> attributes, List<Node> children, int line) implements Node {
        String attribute(String attributeName) {
            return attributes.get(attributeName);
        }
    }

    /** A text as written (character references not decoded). */
    record Tx(String content, int line) implements Node {
    }

    /** Parses HTML or a Thymeleaf template the way Thymeleaf does (AttoParser in HTML mode): a tree with line numbers. */
    static El parse(String name, String html) {
        El root = new El("#document", new LinkedHashMap<>(), new ArrayList<>(), 1);
        Deque<El> open = new ArrayDeque<>();
        open.push(root);
        AbstractMarkupHandler handler = new AbstractMarkupHandler() {
            private El last = root;

            private El start(char[] b, int o, int l, int line) {
                El e = new El(new String(b, o, l).toLowerCase(Locale.ROOT), new LinkedHashMap<>(), new ArrayList<>(), line);
                open.peek().children().add(e);
                last = e;
                return e;
            }

            private void close(char[] b, int o, int l) {
                String n = new String(b, o, l).toLowerCase(Locale.ROOT);
                if (open.stream().anyMatch(e -> e.name().equals(n))) {
                    while (open.size() > 1 && !open.pop().name().equals(n)) {
                        // elements left open inside are closed with it
                    }
                }
            }

            @Override
            public void handleOpenElementStart(char[] b, int o, int l, int line, int col) {
                open.push(start(b, o, l, line));
            }

            @Override
            public void handleAutoOpenElementStart(char[] b, int o, int l, int line, int col) {
                open.push(start(b, o, l, line));
            }

            @Override
            public void handleStandaloneElementStart(char[] b, int o, int l, boolean minimized, int line, int col) {
                start(b, o, l, line);
            }

            @Override
            public void handleCloseElementStart(char[] b, int o, int l, int line, int col) {
                close(b, o, l);
            }

            @Override
            public void handleAutoCloseElementStart(char[] b, int o, int l, int line, int col) {
                close(b, o, l);
            }

            @Override
            public void handleAttribute(char[] b, int nameOffset, int nameLen, int nameLine, int nameCol,
                                        int operatorOffset, int operatorLen, int operatorLine, int operatorCol,
                                        int valueContentOffset, int valueContentLen, int valueOuterOffset,
                                        int valueOuterLen, int valueLine, int valueCol) {
                last.attributes().put(new String(b, nameOffset, nameLen).toLowerCase(Locale.ROOT),
                        new String(b, valueContentOffset, valueContentLen));
            }

            @Override
            public void handleText(char[] b, int o, int l, int line, int col) {
                open.peek().children().add(new Tx(new String(b, o, l), line));
            }
        };
        try {
            new MarkupParser(ParseConfiguration.htmlConfiguration()).parse(new StringReader(html), handler);
        } catch (ParseException e) {
            throw new IllegalArgumentException(name + ": " + e.getMessage(), e);
        }
        return root;
    }

    /** {@code text} with character references decoded (the common ones; a number for the rest). */
    static String decode(String text) {
        Matcher m = ENTITY.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String e = m.group(1);
            String r = switch (e) {
                case "amp" -> "&";
                case "lt" -> "<";
                case "gt" -> ">";
                case "quot" -> "\"";
                case "apos" -> "'";
                case "nbsp" -> " ";
                default -> e.startsWith("#x") ? new String(Character.toChars(Integer.parseInt(e.substring(2), 16)))
                        : e.startsWith("#") ? new String(Character.toChars(Integer.parseInt(e.substring(1)))) : " ";
            };
            m.appendReplacement(sb, Matcher.quoteReplacement(r));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /** The Chinese in {@code text}: each run of Chinese characters. */
    static List<String> chinese(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile(CJK.pattern() + "+").matcher(text);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    /** The Chinese in {@code text} a page in English may not show: all but the values an import file may hold. */
    static List<String> chineseWords(String text) {
        return chinese(withoutImportValues(text));
    }

    /** {@code text} without the true/false answers an import file may hold (before data is blanked out of it). */
    static String withoutImportValues(String text) {
        String t = text;
        for (String v : IMPORT_VALUES) { // longest first: 正确 and 错误 before 对 and 错
            t = t.replace(v, " ");
        }
        return t;
    }

    /** The English words in {@code text}, except technical tokens and {@code allowed} ones (case-insensitive). */
    static List<String> english(String text, Set<String> allowed) {
        List<String> out = new ArrayList<>();
        String t = URL.matcher(text).replaceAll(" ");
        t = PATH.matcher(t).replaceAll(" ");
        t = FILE_NAME.matcher(t).replaceAll(" ");
        t = IDENTIFIER.matcher(t).replaceAll(" ");
        Matcher m = LATIN_WORD.matcher(t);
        while (m.find()) {
            String w = m.group();
            if (!TECHNICAL.contains(w) && !ANSWER_LETTERS.matcher(w).matches() && !allowed.contains(w.toLowerCase(Locale.ROOT))) {
                out.add(w);
            }
        }
        return out;
    }

    /** The Latin words (lower case) that the notation elements under {@code node} use. */
    static Set<String> notationWords(El node) {
        Set<String> words = new HashSet<>();
        collectNotation(node, false, words);
        return words;
    }

    private static void collectNotation(El node, boolean inside, Set<String> words) {
        for (Node child : node.children()) {
            if (child instanceof Tx t && inside) {
                Matcher m = LATIN_WORD.matcher(decode(t.content()));
                while (m.find()) {
                    words.add(m.group().toLowerCase(Locale.ROOT));
                }
            } else if (child instanceof El e) {
                collectNotation(e, inside || NOTATION.contains(e.name()), words);
            }
        }
    }

    /**
     * {@code text} with each of {@code data} (imported names, questions...) blanked out, longest first; a Latin datum
     * only as a whole token and of two characters or more (the option "A" of a question leaves "SHA-256" alone).
     */
    static String withoutData(String text, Collection<String> data) {
        String out = text;
        List<String> sorted = new ArrayList<>(data);
        sorted.sort(Comparator.comparingInt(String::length).reversed());
        for (String d : sorted) {
            if (d.isBlank()) {
                continue;
            }
            if (CJK.matcher(d).find()) {
                out = out.replace(d, " ");
            } else if (d.strip().length() >= 2) {
                out = out.replaceAll("(?<![A-Za-z0-9_])" + Pattern.quote(d) + "(?![A-Za-z0-9_])", " ");
            }
        }
        return out;
    }

    /** A short excerpt of {@code text} for a failure message. */
    static String excerpt(String text) {
        String t = text.strip().replaceAll("\\s+", " ");
        return t.length() <= 80 ? t : t.substring(0, 77) + "...";
    }
}
