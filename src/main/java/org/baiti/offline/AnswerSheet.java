package org.baiti.offline;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.baiti.bank.Marking;
import org.baiti.bank.Question;
import org.baiti.bank.QuestionType;

/**
 * The letters one person marked on a paper, question by question (SPEC §2.3), and its marking (SPEC §3).
 * Plain Java.
 *
 * <p>Text form: one entry per paper question, separated by {@code ,}, {@code |} or the full-width
 * {@code ，}; an entry is the letters marked ({@code A}, {@code BD}); a true/false entry may also be
 * 对/错, 正确/错误, T/F, true/false or √/×; an empty entry is an unanswered question.
 *
 * @param entries the chosen letters per paper question, in paper order (empty set = unanswered)
 */
public record AnswerSheet(List<Set<Character>> entries) {

    private static final Map<String, Character> TRUE_FALSE = Map.ofEntries(
            Map.entry("对", 'A'), Map.entry("错", 'B'),
            Map.entry("正确", 'A'), Map.entry("错误", 'B'),
            Map.entry("t", 'A'), Map.entry("f", 'B'),
            Map.entry("true", 'A'), Map.entry("false", 'B'),
            Map.entry("√", 'A'), Map.entry("×", 'B'),
            Map.entry("✓", 'A'), Map.entry("✗", 'B'),
            Map.entry("✔", 'A'), Map.entry("✘", 'B'));

    public AnswerSheet {
        List<Set<Character>> copy = new ArrayList<>(entries.size());
        entries.forEach(e -> copy.add(Collections.unmodifiableSortedSet(new TreeSet<>(e))));
        entries = Collections.unmodifiableList(copy);
    }

    /** An answer sheet, or the reason the text cannot be one (Chinese / English). */
    public record Parsed(AnswerSheet sheet, String error) {

        public boolean ok() {
            return sheet != null;
        }
    }

    /** Reads the answers text against the paper: the right number of entries, each with letters the question has. */
    public static Parsed parse(String text, List<Question> paper) {
        String[] parts = text.split("[,|，]", -1);
        if (parts.length != paper.size()) {
            return new Parsed(null, "应有 " + paper.size() + " 个答案，实际 " + parts.length + " 个 / expected "
                    + paper.size() + " answers, found " + parts.length);
        }
        List<Set<Character>> entries = new ArrayList<>(parts.length);
        List<String> zh = new ArrayList<>();
        List<String> en = new ArrayList<>();
        for (int i = 0; i < parts.length; i++) {
            Question q = paper.get(i);
            int number = i + 1;
            String entry = strip(parts[i]);
            Set<Character> chosen = new TreeSet<>();
            if (q.type() == QuestionType.TRUEFALSE) {
                Character tf = TRUE_FALSE.get(entry.toLowerCase(Locale.ROOT));
                if (tf != null) {
                    chosen.add(tf);
                    entries.add(chosen);
                    continue;
                }
            }
            for (int k = 0; k < entry.length(); k++) {
                char c = Character.toUpperCase(entry.charAt(k));
                if (c >= 'A' && c <= 'Z') {
                    if (c - 'A' >= q.options().size()) {
                        zh.add("第 " + number + " 题没有选项 " + c);
                        en.add("question " + number + " has no option " + c);
                    } else {
                        chosen.add(c);
                    }
                } else {
                    zh.add("第 " + number + " 题的答案“" + entry + "”无法识别");
                    en.add("answer \"" + entry + "\" of question " + number + " is not understood");
                    break;
                }
            }
            entries.add(chosen);
        }
        if (!zh.isEmpty()) {
            return new Parsed(null, String.join("；", zh) + " / " + String.join("; ", en));
        }
        return new Parsed(new AnswerSheet(entries), null);
    }

    /** The score: the sum of the points of each question marked with {@link Marking#points}. */
    public int score(List<Question> paper, boolean partialCredit) {
        if (paper.size() != entries.size()) {
            throw new IllegalArgumentException("paper has " + paper.size() + " questions, sheet " + entries.size());
        }
        int score = 0;
        for (int i = 0; i < entries.size(); i++) {
            score += Marking.points(paper.get(i), entries.get(i), partialCredit);
        }
        return score;
    }

    /** The canonical text stored with the result: sorted letters per question joined by {@code |} ({@code A|ACD||B}). */
    public String normalized() {
        StringBuilder sb = new StringBuilder(entries.size() * 3);
        for (int i = 0; i < entries.size(); i++) {
            if (i > 0) {
                sb.append('|');
            }
            for (char c : entries.get(i)) {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** The entry without any space (inner spaces too: "A B" is "AB"). */
    private static String strip(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!Character.isWhitespace(c) && !Character.isSpaceChar(c)) {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
