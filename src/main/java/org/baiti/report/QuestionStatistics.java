package org.baiti.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.baiti.bank.Marking;
import org.baiti.bank.Question;
import org.baiti.bank.Questions;
import org.baiti.contest.Contest;
import org.baiti.offline.OfflineResults;
import org.baiti.online.AttemptFigures;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The share of right answers per question, over the counted online attempts (the questions on each
 * person's paper) and the offline papers marked from answer strings. Streams the rows; holds only counters.
 */
@Component
class QuestionStatistics {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Questions questions;
    private final AttemptFigures attempts;
    private final OfflineResults offline;

    QuestionStatistics(Questions questions, AttemptFigures attempts, OfflineResults offline) {
        this.questions = questions;
        this.attempts = attempts;
        this.offline = offline;
    }

    /** Hardest first: ascending share of right answers, then bank order. */
    List<Statistics.QuestionStat> byQuestion(long contestId, Contest contest) {
        Map<String, Question> bank = new LinkedHashMap<>();
        questions.all(contestId).forEach(q -> bank.put(q.key(), q));
        Map<String, long[]> counts = new HashMap<>();
        attempts.forEachCountedPaper(contestId, (paperJson, answersJson) -> {
            List<String> onPaper = paperKeys(paperJson);
            JsonNode answers = answersJson == null ? null : JSON.readTree(answersJson);
            for (String key : onPaper) {
                Question q = bank.get(key);
                if (q == null) {
                    continue;
                }
                long[] c = counts.computeIfAbsent(key, k -> new long[2]);
                c[0]++;
                if (answers != null && answers.has(key) && isRight(q, letters(answers.get(key)))) {
                    c[1]++;
                }
            }
        });
        List<Question> offlinePaper = questions.firstN(contestId, contest.questionsPerPaper());
        offline.forEachAnswers(contestId, text -> {
            String[] entries = text.split("\\|", -1);
            for (int i = 0; i < entries.length && i < offlinePaper.size(); i++) {
                Question q = offlinePaper.get(i);
                long[] c = counts.computeIfAbsent(q.key(), k -> new long[2]);
                c[0]++;
                if (isRight(q, Marking.letters(entries[i]))) {
                    c[1]++;
                }
            }
        });
        List<Statistics.QuestionStat> out = new ArrayList<>();
        for (Question q : bank.values()) {
            long[] c = counts.getOrDefault(q.key(), new long[2]);
            out.add(new Statistics.QuestionStat(q.key(), q.stem(), q.category(), c[0], c[1],
                    c[0] == 0 ? 0 : (double) c[1] / c[0]));
        }
        Map<String, Integer> order = new HashMap<>();
        bank.values().forEach(q -> order.put(q.key(), q.seq()));
        out.sort(Comparator.comparingDouble(Statistics.QuestionStat::shareRight)
                .thenComparing(s -> order.get(s.key())));
        return out;
    }

    private static boolean isRight(Question q, Set<Character> chosen) {
        return chosen.equals(Marking.letters(q.answer()));
    }

    /** Letters from either "ABD" or ["A","B","D"]. */
    private static Set<Character> letters(JsonNode node) {
        Set<Character> s = new TreeSet<>();
        if (node.isArray()) {
            node.forEach(n -> s.addAll(Marking.letters(n.asString())));
        } else if (!node.isNull()) {
            s.addAll(Marking.letters(node.asString()));
        }
        return s;
    }

    /** The question keys of an attempt's paper JSON, in display order. */
    static List<String> paperKeys(String paperJson) {
        List<String> keys = new ArrayList<>();
        JsonNode paper = JSON.readTree(paperJson);
        JsonNode list = paper.isArray() ? paper : paper.path("questions");
        for (JsonNode q : list) {
            JsonNode key = q.has("key") ? q.get("key") : q.get("q");
            if (key != null) {
                keys.add(key.asString());
            }
        }
        return keys;
    }
}
