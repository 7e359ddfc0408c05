package org.baiti.bank;

import java.util.List;

/**
 * A question of a contest's bank. Options are texts in letter order (A, B, ...); the key is the sorted
 * string of right letters. True/false questions have the options 对, 错 and the key A or B.
 */
public record Question(long contestId, String key, int seq, QuestionType type, String stem, List<String> options,
                       String answer, int points, String category, String explanation) {

    public static final List<String> TRUE_FALSE_OPTIONS = List.of("对", "错");

    public static char letter(int index) {
        return (char) ('A' + index);
    }
}
