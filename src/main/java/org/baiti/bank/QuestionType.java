package org.baiti.bank;

import java.util.Locale;
import java.util.Optional;

/** The three question types of SPEC §2.1. */
public enum QuestionType {
    SINGLE("单选"), MULTIPLE("多选"), TRUEFALSE("判断");

    private final String chinese;

    QuestionType(String chinese) {
        this.chinese = chinese;
    }

    /** The Chinese name a file uses for the type (one of the spellings {@link #parse} accepts). */
    public String chinese() {
        return chinese;
    }

    /** The message key of the type's name on pages, e.g. {@code import.question_type.single}: "单选题" / "Single choice". */
    public String labelKey() {
        return "import.question_type." + apiName();
    }

    /** The JSON name of docs/api.md: single, multiple, truefalse. */
    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses 单选/single, 多选/multiple, 判断/truefalse (case-insensitive, a few common spellings). */
    public static Optional<QuestionType> parse(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT).replace("-", "").replace("_", "").replace(" ", "");
        return switch (t) {
            case "单选", "单选题", "single", "singlechoice" -> Optional.of(SINGLE);
            case "多选", "多选题", "multiple", "multiplechoice", "multi" -> Optional.of(MULTIPLE);
            case "判断", "判断题", "truefalse", "tf", "judge" -> Optional.of(TRUEFALSE);
            default -> Optional.empty();
        };
    }
}
