package org.baiti.online;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.baiti.bank.Marking;
import org.baiti.bank.Question;
import org.baiti.bank.QuestionType;

/**
 * Checking and marking the answers to one paper (SPEC §3), plain Java. Answers name the paper's question ids
 * and the attempt's option ids; anything else is refused, every problem listed.
 */
final class PaperMarking {

    private PaperMarking() {
    }

    /**
     * A problem with the submitted answers, as listed in the 400 answer: the question, the option ({@code null} when
     * the problem is the question's) and the reason as a message key ({@code row.answer.*}), worded where it is shown
     * ({@link AnswerProblems}).
     */
    record Problem(String question, String option, String key) {
    }

    /** The marks: the letters chosen per question key, the score and the paper's maximum. */
    record Marked(Map<String, String> letters, int score, int maxScore) {
        double accuracy() {
            return maxScore == 0 ? 0 : (double) score / maxScore;
        }
    }

    /** The problems of the answers against the paper; empty when they can be marked. */
    static List<Problem> check(Paper paper, Map<String, List<String>> answers, Map<String, Question> questions) {
        Map<String, Paper.Item> items = byKey(paper);
        List<Problem> problems = new ArrayList<>();
        answers.forEach((qid, optionIds) -> {
            Paper.Item item = items.get(qid);
            if (item == null) {
                problems.add(new Problem(qid, null, "row.answer.no_such_question"));
                return;
            }
            Set<String> distinct = new LinkedHashSet<>(optionIds);
            for (String o : distinct) {
                if (item.letterOf(o) == 0) {
                    problems.add(new Problem(qid, o, "row.answer.no_such_option"));
                }
            }
            Question q = questions.get(qid);
            if (q != null && q.type() != QuestionType.MULTIPLE && distinct.size() > 1) {
                problems.add(new Problem(qid, null, "row.answer.one_option"));
            }
        });
        return problems;
    }

    /** Marks answers that passed {@link #check}; unanswered questions score nothing. */
    static Marked mark(Paper paper, Map<String, List<String>> answers, Map<String, Question> questions,
                       boolean partialCredit) {
        Map<String, String> letters = new LinkedHashMap<>();
        int score = 0;
        int max = 0;
        for (Paper.Item item : paper.items()) {
            Question q = questions.get(item.questionKey());
            if (q == null) {
                continue; // a question removed from the bank after the paper was issued counts for nobody
            }
            max += q.points();
            Set<Character> chosen = new TreeSet<>();
            for (String o : answers.getOrDefault(item.questionKey(), List.of())) {
                chosen.add(item.letterOf(o));
            }
            if (!chosen.isEmpty()) {
                StringBuilder sb = new StringBuilder();
                chosen.forEach(sb::append);
                letters.put(item.questionKey(), sb.toString());
            }
            score += Marking.points(q, chosen, partialCredit);
        }
        return new Marked(letters, score, max);
    }

    private static Map<String, Paper.Item> byKey(Paper paper) {
        Map<String, Paper.Item> m = new LinkedHashMap<>();
        for (Paper.Item i : paper.items()) {
            m.put(i.questionKey(), i);
        }
        return m;
    }
}
