package org.baiti.bank;

import java.util.Set;
import java.util.TreeSet;

/** Marking of one answer (SPEC §3), plain Java. */
public final class Marking {

    private Marking() {
    }

    /**
     * Points for the chosen letters: full points when the set equals the key; with partial credit on,
     * a multiple-choice answer that is a non-empty strict subset of the key gets half, rounded down.
     */
    public static int points(Question q, Set<Character> chosen, boolean partialCredit) {
        Set<Character> key = letters(q.answer());
        if (chosen.equals(key)) {
            return q.points();
        }
        if (partialCredit && q.type() == QuestionType.MULTIPLE && !chosen.isEmpty() && key.containsAll(chosen)) {
            return q.points() / 2;
        }
        return 0;
    }

    /** The letters of an answer text such as "ABD". */
    public static Set<Character> letters(String answer) {
        Set<Character> s = new TreeSet<>();
        for (char c : answer.toCharArray()) {
            s.add(c);
        }
        return s;
    }
}
