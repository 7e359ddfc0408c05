package org.baiti.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.baiti.bank.Marking;
import org.baiti.bank.Question;
import org.baiti.bank.QuestionType;
import org.baiti.offline.AnswerSheet;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Marking one 20-question paper (SPEC §3): the online way (a set of chosen letters per question, {@link Marking})
 * and the offline way (an answer string such as {@code A|BD|对|...} parsed and scored, {@link AnswerSheet}).
 * Not a test: run with bench/jmh.sh (BENCHMARKS.md).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class MarkingBenchmark {

    List<Question> paper;
    List<Set<Character>> chosen;
    String answerString;

    @Setup
    public void setUp() {
        Random random = new Random(20);
        paper = new ArrayList<>();
        chosen = new ArrayList<>();
        StringBuilder answers = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            QuestionType type = i % 3 == 0 ? QuestionType.MULTIPLE : i % 3 == 1 ? QuestionType.SINGLE : QuestionType.TRUEFALSE;
            List<String> options = type == QuestionType.TRUEFALSE ? Question.TRUE_FALSE_OPTIONS
                    : List.of("甲", "乙", "丙", "丁");
            String key = switch (type) {
                case MULTIPLE -> "ABD";
                case SINGLE -> String.valueOf((char) ('A' + i % 4));
                default -> i % 2 == 0 ? "A" : "B";
            };
            paper.add(new Question(1, "Q" + i, i, type, "题干" + i, options, key, type == QuestionType.MULTIPLE ? 2 : 1,
                    null, null));
            // about four in five right
            String given = random.nextInt(5) == 0 ? (type == QuestionType.MULTIPLE ? "AB" : "C") : key;
            if (type == QuestionType.TRUEFALSE) {
                given = given.equals("A") ? "A" : "B";
            }
            chosen.add(Marking.letters(given));
            answers.append(i == 0 ? "" : "|").append(type == QuestionType.TRUEFALSE
                    ? (given.equals("A") ? "对" : "错") : given);
        }
        answerString = answers.toString();
    }

    /** The online channel's marking of a submitted paper: points per question, summed. */
    @Benchmark
    public int markOnlinePaper() {
        int score = 0;
        for (int i = 0; i < paper.size(); i++) {
            score += Marking.points(paper.get(i), chosen.get(i), false);
        }
        return score;
    }

    /** The offline import's marking of one row: parse the answer string, score it. */
    @Benchmark
    public int parseAndMarkOfflineAnswerString() {
        AnswerSheet.Parsed parsed = AnswerSheet.parse(answerString, paper);
        return parsed.sheet().score(paper, false);
    }
}
