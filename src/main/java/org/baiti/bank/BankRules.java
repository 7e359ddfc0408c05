package org.baiti.bank;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.baiti.sheet.RowError;

/**
 * Reading one question-bank row (SPEC §2.1) into a {@link Question}, or the reasons it is wrong (message keys
 * {@code row.*}, worded where they are shown). Plain Java. Columns are named by both header names a file may use.
 */
public final class BankRules {

    static final String ID = "题号 / id";
    static final String TYPE = "题型 / type";
    static final String STEM = "题干 / stem";
    static final String ANSWER = "答案 / answer";
    static final String POINTS = "分值 / points";
    static final int MAX_OPTIONS = 8;
    /** Lengths in characters: a question that does not fit on a phone screen is a mistake in the file. */
    static final int MAX_STEM = 2000;
    static final int MAX_OPTION = 500;
    static final int MAX_EXPLANATION = 5000;
    static final int MAX_CATEGORY = 100;

    /** The result of reading a row: a question, or errors. */
    public record Parsed(Question question, List<RowError> errors) {
    }

    private static final Map<String, Boolean> TRUE_FALSE = Map.ofEntries(
            Map.entry("对", true), Map.entry("错", false),
            Map.entry("正确", true), Map.entry("错误", false),
            Map.entry("t", true), Map.entry("f", false),
            Map.entry("true", true), Map.entry("false", false),
            Map.entry("√", true), Map.entry("×", false),
            Map.entry("✓", true), Map.entry("✗", false),
            Map.entry("✔", true), Map.entry("✘", false));

    private BankRules() {
    }

    public static String optionColumn(int i) {
        char l = Question.letter(i);
        return "选项" + l + " / option" + l;
    }

    /**
     * @param cells values by column key: id, type, stem, optionA..optionH, answer, points, category, explanation
     */
    public static Parsed parse(long contestId, int row, int seq, Map<String, String> cells) {
        List<RowError> errors = new ArrayList<>();
        String id = cells.getOrDefault("id", "");
        String stem = cells.getOrDefault("stem", "");
        if (id.isEmpty()) {
            errors.add(RowError.of(row, ID, "row.required"));
        } else if (id.length() > 64) {
            errors.add(RowError.of(row, ID, "row.too_long", 64));
        }
        QuestionType type = null;
        String typeText = cells.getOrDefault("type", "");
        if (typeText.isEmpty()) {
            errors.add(RowError.of(row, TYPE, "row.required"));
        } else {
            type = QuestionType.parse(typeText).orElse(null);
            if (type == null) {
                errors.add(RowError.of(row, TYPE, "row.bank.unknown_type", typeText));
            }
        }
        if (stem.isEmpty()) {
            errors.add(RowError.of(row, STEM, "row.required"));
        }
        tooLong(errors, row, STEM, stem, MAX_STEM);
        List<String> options = new ArrayList<>();
        int last = -1;
        for (int i = 0; i < MAX_OPTIONS; i++) {
            if (!cells.getOrDefault("option" + Question.letter(i), "").isEmpty()) {
                last = i;
            }
        }
        for (int i = 0; i <= last; i++) {
            String text = cells.getOrDefault("option" + Question.letter(i), "");
            tooLong(errors, row, optionColumn(i), text, MAX_OPTION);
            if (text.isEmpty() && type != QuestionType.TRUEFALSE) {
                errors.add(RowError.of(row, optionColumn(i), "row.bank.option_gap"));
            }
            options.add(text);
        }
        if (type == QuestionType.TRUEFALSE) {
            options = Question.TRUE_FALSE_OPTIONS;
        } else if (type != null && options.size() < 2) {
            errors.add(RowError.of(row, optionColumn(options.size()), "row.bank.too_few_options"));
        }
        String answerText = cells.getOrDefault("answer", "");
        String answer = null;
        if (answerText.isEmpty()) {
            errors.add(RowError.of(row, ANSWER, "row.required"));
        } else if (type == QuestionType.TRUEFALSE) {
            Boolean v = TRUE_FALSE.get(answerText.strip().toLowerCase(Locale.ROOT));
            if (v == null) {
                errors.add(RowError.of(row, ANSWER, "row.bank.true_false_answer", answerText));
            } else {
                answer = v ? "A" : "B";
            }
        } else if (type != null) {
            answer = choiceAnswer(row, type, answerText, options.size(), errors);
        }
        int points = 1;
        String pointsText = cells.getOrDefault("points", "");
        if (!pointsText.isEmpty()) {
            try {
                points = Integer.parseInt(pointsText.endsWith(".0") ? pointsText.substring(0, pointsText.length() - 2) : pointsText);
                if (points < 1 || points > 1000) {
                    throw new NumberFormatException();
                }
            } catch (NumberFormatException e) {
                errors.add(RowError.of(row, POINTS, "row.bank.points", pointsText));
            }
        }
        String category = cells.getOrDefault("category", "");
        String explanation = cells.getOrDefault("explanation", "");
        tooLong(errors, row, "分类 / category", category, MAX_CATEGORY);
        tooLong(errors, row, "解析 / explanation", explanation, MAX_EXPLANATION);
        if (!errors.isEmpty()) {
            return new Parsed(null, errors);
        }
        return new Parsed(new Question(contestId, id, seq, type, stem, List.copyOf(options), answer, points,
                category.isEmpty() ? null : category, explanation.isEmpty() ? null : explanation), List.of());
    }

    private static void tooLong(List<RowError> errors, int row, String column, String text, int max) {
        int length = text.codePointCount(0, text.length());
        if (length > max) {
            errors.add(RowError.of(row, column, "row.bank.too_long", length, max));
        }
    }

    private static String choiceAnswer(int row, QuestionType type, String text, int optionCount, List<RowError> errors) {
        String cleaned = text.toUpperCase(Locale.ROOT).replaceAll("[\\s,，、;；|/]", "");
        Set<Character> letters = new TreeSet<>();
        for (char c : cleaned.toCharArray()) {
            if (c < 'A' || c > 'H') {
                errors.add(RowError.of(row, ANSWER, "row.bank.answer_letters", text));
                return null;
            }
            if (c - 'A' >= optionCount) {
                errors.add(RowError.of(row, ANSWER, "row.bank.answer_no_option", String.valueOf(c)));
                return null;
            }
            if (!letters.add(c)) {
                errors.add(RowError.of(row, ANSWER, "row.bank.answer_repeated", String.valueOf(c)));
                return null;
            }
        }
        if (type == QuestionType.SINGLE && letters.size() != 1) {
            errors.add(RowError.of(row, ANSWER, "row.bank.single_answer", text));
            return null;
        }
        if (type == QuestionType.MULTIPLE && letters.size() < 2) {
            errors.add(RowError.of(row, ANSWER, "row.bank.multiple_answer", text));
            return null;
        }
        StringBuilder sb = new StringBuilder();
        letters.forEach(sb::append);
        return sb.toString();
    }
}
