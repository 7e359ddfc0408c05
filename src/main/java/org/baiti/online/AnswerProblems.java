package org.baiti.online;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.baiti.refusal.Refusal;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * The problems {@link PaperMarking} finds in submitted answers as a refusal's details, worded in the request's
 * language: {@code {"question", "option", "reason"}} ({@code option} only when the problem is one option's). Kept
 * apart from {@link PaperMarking}, which stays plain Java.
 */
final class AnswerProblems {

    private AnswerProblems() {
    }

    /** The refusal of answers with these problems: {@code invalid_answers}, every problem listed. */
    static Refusal refusal(List<PaperMarking.Problem> problems) {
        return Refusal.invalid("invalid_answers", "row.answer.refused").withDetails(details(problems));
    }

    static List<Refusal.Detail> details(List<PaperMarking.Problem> problems) {
        return problems.stream().<Refusal.Detail>map(AnswerProblems::detail).toList();
    }

    private static Refusal.Detail detail(PaperMarking.Problem p) {
        return (Function<MessageSourceResolvable, String> words) -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("question", p.question());
            if (p.option() != null) {
                m.put("option", p.option());
            }
            m.put("reason", words.apply(new DefaultMessageSourceResolvable(new String[] {p.key()}, null, p.key())));
            return m;
        };
    }
}
