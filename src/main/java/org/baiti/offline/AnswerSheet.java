package org.baiti.offline;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.baiti.bank.Marking;
import org.baiti.bank.Question;
import org.baiti.bank.QuestionType;
import org.baiti.sheet.Reason;

/**
 * The letters one person marked on a paper, question by question (SPEC §2.3), and its marking (SPEC §3).
 * Plain Java.
 *
 * <p>Text form: one entry per paper question, separated by {@code ,}, {@code |} or the full-width
 * {@code ，}; an entry is the letters marked ({@code A}, {@code BD}, any order, any case, spaces ignored);
 * a true/false entry may also be 对/错, 正确/错误, T/F, true/false or √/×; an empty entry is an
 * unanswered question. Letters are held as bit masks (A = bit 0) so a 500,000-row file is read quickly.
 */
public final class AnswerSheet {

    private static final Map<String, Integer> TRUE_FALSE = Map.ofEntries(
            Map.entry("对", 1), Map.entry("错", 2),
            Map.entry("正确", 1), Map.entry("错误", 2),
            Map.entry("t", 1), Map.entry("f", 2),
            Map.entry("true", 1), Map.entry("false", 2),
            Map.entry("√", 1), Map.entry("×", 2),
            Map.entry("✓", 1), Map.entry("✗", 2),
            Map.entry("✔", 1), Map.entry("✘", 2));

    /** Chosen letters per paper question: bit i set = letter 'A' + i marked. */
    private final int[] masks;

    private AnswerSheet(int[] masks) {
        this.masks = masks;
    }

    /** An answer sheet, or the reason the text cannot be one (message keys {@code row.answers.*}). */
    public record Parsed(AnswerSheet sheet, Reason error) {

        public boolean ok() {
            return sheet != null;
        }
    }

    /** Reads the answers text against the paper: the right number of entries, each with letters the question has. */
    public static Parsed parse(String text, List<Question> paper) {
        int count = 1;
        for (int i = 0; i < text.length(); i++) {
            if (isSeparator(text.charAt(i))) {
                count++;
            }
        }
        if (count != paper.size()) {
            return new Parsed(null, Reason.of("row.answers.count", paper.size(), count));
        }
        int[] masks = new int[count];
        List<Reason> problems = null;
        int start = 0;
        for (int q = 0; q < count; q++) {
            int end = start;
            while (end < text.length() && !isSeparator(text.charAt(end))) {
                end++;
            }
            Question question = paper.get(q);
            int mask = 0;
            Reason problem = null;
            boolean tfWord = false;
            if (question.type() == QuestionType.TRUEFALSE) {
                int tf = end - start == 1 ? trueFalse(text.charAt(start)) : 0;
                if (tf == 0 && end - start > 1) {
                    tf = TRUE_FALSE.getOrDefault(entry(text, start, end).toLowerCase(Locale.ROOT), 0);
                }
                if (tf != 0) {
                    mask = tf;
                    tfWord = true;
                }
            }
            for (int k = start; k < end && !tfWord; k++) {
                char c = text.charAt(k);
                if (isSpace(c)) {
                    continue;
                }
                char u = c >= 'a' && c <= 'z' ? (char) (c - 'a' + 'A') : c;
                if (u >= 'A' && u <= 'Z') {
                    if (u - 'A' >= question.options().size()) {
                        problem = Reason.of("row.answers.no_option", String.valueOf(q + 1), String.valueOf(u));
                        break;
                    }
                    mask |= 1 << (u - 'A');
                } else {
                    String e = entry(text, start, end);
                    problem = Reason.of("row.answers.not_understood", String.valueOf(q + 1), e);
                    break;
                }
            }
            if (problem != null) {
                if (problems == null) {
                    problems = new ArrayList<>();
                }
                problems.add(problem);
            }
            masks[q] = mask;
            start = end + 1;
        }
        if (problems != null) {
            return new Parsed(null, Reason.all(problems));
        }
        return new Parsed(new AnswerSheet(masks), null);
    }

    /** The score: the sum of the points of each question, marked with {@link Marking#points}. */
    public int score(List<Question> paper, boolean partialCredit) {
        requireSize(paper.size());
        int score = 0;
        for (int i = 0; i < masks.length; i++) {
            score += Marking.points(paper.get(i), letters(masks[i]), partialCredit);
        }
        return score;
    }

    /** The score on the paper, with its memo of {@link Marking#points} per question and set of letters. */
    public int score(OfflineRules.Paper paper) {
        requireSize(paper.questions().size());
        int score = 0;
        for (int i = 0; i < masks.length; i++) {
            score += paper.points(i, masks[i]);
        }
        return score;
    }

    /** The chosen letters per paper question, in paper order (empty = unanswered). */
    public List<Set<Character>> entries() {
        List<Set<Character>> list = new ArrayList<>(masks.length);
        for (int mask : masks) {
            list.add(Collections.unmodifiableSet(letters(mask)));
        }
        return list;
    }

    /** The canonical text stored with the result: sorted letters per question joined by {@code |} ({@code A|ACD||B}). */
    public String normalized() {
        StringBuilder sb = new StringBuilder(masks.length * 3);
        for (int i = 0; i < masks.length; i++) {
            if (i > 0) {
                sb.append('|');
            }
            for (int m = masks[i]; m != 0; m &= m - 1) {
                sb.append((char) ('A' + Integer.numberOfTrailingZeros(m)));
            }
        }
        return sb.toString();
    }

    /** The letters of a bit mask, e.g. 0b1101 = {A, C, D}. */
    static Set<Character> letters(int mask) {
        Set<Character> s = new TreeSet<>();
        for (int b = 0; b < 26; b++) {
            if ((mask & (1 << b)) != 0) {
                s.add((char) ('A' + b));
            }
        }
        return s;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AnswerSheet other && Arrays.equals(masks, other.masks);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(masks);
    }

    @Override
    public String toString() {
        return normalized();
    }

    private void requireSize(int questions) {
        if (questions != masks.length) {
            throw new IllegalArgumentException("paper has " + questions + " questions, sheet " + masks.length);
        }
    }

    private static boolean isSeparator(char c) {
        return c == ',' || c == '|' || c == '，';
    }

    private static boolean isSpace(char c) {
        if (c > ' ' && c < 0x7F) {
            return false;
        }
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    /** A one-character true/false word: 1 = true (A), 2 = false (B), 0 = not one. */
    private static int trueFalse(char c) {
        return switch (c) {
            case '对', 'T', 't', '√', '✓', '✔' -> 1;
            case '错', 'F', 'f', '×', '✗', '✘' -> 2;
            default -> 0;
        };
    }

    /** The entry's text without any space. */
    private static String entry(String text, int start, int end) {
        StringBuilder sb = new StringBuilder(end - start);
        for (int k = start; k < end; k++) {
            char c = text.charAt(k);
            if (!isSpace(c)) {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
