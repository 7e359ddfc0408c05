package org.baiti.online;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.baiti.bank.Question;
import org.baiti.bank.QuestionType;
import org.baiti.contest.Contest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The plain-Java rules of a paper: drawing, shuffling, marking, and when a submission counts. */
class PaperRulesTest {

    private static Question q(int seq, QuestionType type, String category, String answer, int points, String... options) {
        List<String> opts = type == QuestionType.TRUEFALSE ? Question.TRUE_FALSE_OPTIONS : List.of(options);
        return new Question(1, "Q" + seq, seq, type, "stem " + seq, opts, answer, points, category, null);
    }

    private static List<Question> bank(int n, String... categories) {
        List<Question> bank = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            bank.add(q(i, QuestionType.SINGLE, categories.length == 0 ? null : categories[(i - 1) % categories.length],
                    "A", 1, "a", "b", "c", "d"));
        }
        return bank;
    }

    @Test
    void aFixedPaperIsTheFirstQuestionsInBankOrder() {
        List<Question> chosen = PaperDraw.choose(bank(10), Contest.PaperMode.FIXED, 4, new Random(1));
        assertThat(chosen).extracting(Question::key).containsExactly("Q1", "Q2", "Q3", "Q4");
    }

    @Test
    void aRandomPaperIsADistinctSampleShownInBankOrderAndVariesPerAttempt() {
        Random random = new Random(2);
        Set<List<String>> papers = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            List<String> keys = PaperDraw.choose(bank(30), Contest.PaperMode.RANDOM, 10, random).stream().map(Question::key).toList();
            assertThat(keys).hasSize(10).doesNotHaveDuplicates();
            assertThat(keys.stream().map(k -> Integer.parseInt(k.substring(1))).toList()).isSorted();
            papers.add(keys);
        }
        assertThat(papers).hasSizeGreaterThan(15);
    }

    @Test
    void categoryQuotasFollowTheLargestRemainder() {
        // sizes 5, 3, 2 of 10; 4 seats: 2.0, 1.2, 0.8 -> 2, 1, 0 + one seat for the largest remainder (0.8)
        List<Question> bank = new ArrayList<>();
        String[] cats = {"甲", "甲", "乙", "甲", "乙", "丙", "甲", "乙", "丙", "甲"};
        for (int i = 0; i < cats.length; i++) {
            bank.add(q(i + 1, QuestionType.SINGLE, cats[i], "A", 1, "a", "b"));
        }
        assertThat(PaperDraw.quotas(bank, 4)).containsExactly(Map.entry("甲", 2), Map.entry("乙", 1), Map.entry("丙", 1));
        for (int i = 0; i < 10; i++) {
            List<Question> chosen = PaperDraw.choose(bank, Contest.PaperMode.CATEGORY, 4, new Random(i));
            assertThat(chosen.stream().filter(x -> x.category().equals("甲")).count()).isEqualTo(2);
            assertThat(chosen.stream().filter(x -> x.category().equals("丙")).count()).isEqualTo(1);
        }
        // three equal categories, one seat each plus ties broken by the category met first
        assertThat(PaperDraw.quotas(bank(9, "x", "y", "z"), 5)).containsExactly(Map.entry("x", 2), Map.entry("y", 2), Map.entry("z", 1));
        assertThat(PaperDraw.quotas(bank(7), 3)).containsExactly(Map.entry("", 3));
    }

    @Test
    void aBankSmallerThanThePaperGivesAllItsQuestions() {
        for (Contest.PaperMode mode : Contest.PaperMode.values()) {
            assertThat(PaperDraw.choose(bank(3), mode, 10, new Random(3))).hasSize(3);
        }
    }

    @Test
    void optionsGetOwnIdsAndAShuffledOrderButTrueFalseKeepsRightBeforeWrong() {
        List<Question> qs = List.of(q(1, QuestionType.MULTIPLE, null, "ACD", 2, "a", "b", "c", "d", "e"),
                q(2, QuestionType.TRUEFALSE, null, "B", 1));
        Set<String> orders = new HashSet<>();
        Random random = new Random(4);
        for (int i = 0; i < 20; i++) {
            Paper p = PaperDraw.shuffle(qs, random);
            Paper.Item multi = p.items().get(0);
            assertThat(multi.options()).extracting(Paper.Option::letter).containsExactlyInAnyOrder('A', 'B', 'C', 'D', 'E');
            assertThat(multi.options()).extracting(Paper.Option::id).allMatch(id -> id.matches("[0-9a-f]{6}")).doesNotHaveDuplicates();
            orders.add(multi.options().stream().map(o -> String.valueOf(o.letter())).reduce("", String::concat));
            assertThat(p.items().get(1).options()).extracting(Paper.Option::letter).containsExactly('A', 'B');
        }
        assertThat(orders).hasSizeGreaterThan(10);
    }

    @Test
    void markingMapsTheAttemptsOptionIdsBackToBankLetters() {
        Question multi = q(1, QuestionType.MULTIPLE, null, "AC", 2, "a", "b", "c");
        Question tf = q(2, QuestionType.TRUEFALSE, null, "B", 1);
        Question single = q(3, QuestionType.SINGLE, null, "B", 1, "a", "b");
        Paper paper = new Paper(List.of(
                new Paper.Item("Q1", List.of(new Paper.Option("cccccc", 'C'), new Paper.Option("aaaaaa", 'A'), new Paper.Option("bbbbbb", 'B'))),
                new Paper.Item("Q2", List.of(new Paper.Option("111111", 'A'), new Paper.Option("222222", 'B'))),
                new Paper.Item("Q3", List.of(new Paper.Option("bbbbbb", 'B'), new Paper.Option("aaaaaa", 'A')))));
        Map<String, Question> qs = Map.of("Q1", multi, "Q2", tf, "Q3", single);

        Map<String, List<String>> answers = Map.of("Q1", List.of("aaaaaa", "cccccc"), "Q2", List.of("222222"));
        assertThat(PaperMarking.check(paper, answers, qs)).isEmpty();
        PaperMarking.Marked m = PaperMarking.mark(paper, answers, qs, false);
        assertThat(m.score()).isEqualTo(3);
        assertThat(m.maxScore()).isEqualTo(4);
        assertThat(m.accuracy()).isEqualTo(0.75);
        assertThat(m.letters()).containsExactly(Map.entry("Q1", "AC"), Map.entry("Q2", "B"));

        Map<String, List<String>> partial = Map.of("Q1", List.of("aaaaaa"));
        assertThat(PaperMarking.mark(paper, partial, qs, false).score()).isZero();
        assertThat(PaperMarking.mark(paper, partial, qs, true).score()).isEqualTo(1);

        Map<String, List<String>> bad = Map.of("Q9", List.of("aaaaaa"), "Q3", List.of("aaaaaa", "bbbbbb"),
                "Q2", List.of("333333"));
        assertThat(PaperMarking.check(paper, bad, qs)).extracting(PaperMarking.Problem::question)
                .containsExactlyInAnyOrder("Q9", "Q3", "Q2");
    }

    @Test
    void aSubmissionIsInTimeWithinTheGraceLateAfterTheLimitAndRefusedAfterTheClose() {
        Instant issued = Instant.parse("2026-12-01T08:00:00Z");
        Instant close = Instant.parse("2026-12-01T09:00:00Z");
        Duration grace = Duration.ofSeconds(15);
        assertThat(SubmitTiming.judge(issued, 600, close, grace, issued.plusSeconds(615))).isEqualTo(SubmitTiming.Verdict.IN_TIME);
        assertThat(SubmitTiming.judge(issued, 600, close, grace, issued.plusSeconds(615).plusMillis(1))).isEqualTo(SubmitTiming.Verdict.LATE);
        assertThat(SubmitTiming.judge(issued, 600, close, grace, close.plusSeconds(15))).isEqualTo(SubmitTiming.Verdict.LATE);
        assertThat(SubmitTiming.judge(issued, 600, close, grace, close.plusSeconds(15).plusMillis(1))).isEqualTo(SubmitTiming.Verdict.CLOSED);
        Instant lateStart = close.minusSeconds(60);
        assertThat(SubmitTiming.expiresAt(lateStart, 600, close)).isEqualTo(close);
        assertThat(SubmitTiming.expiresAt(issued, 600, close)).isEqualTo(issued.plusSeconds(600));
        assertThat(SubmitTiming.judge(lateStart, 600, close, grace, close.plusSeconds(10))).isEqualTo(SubmitTiming.Verdict.IN_TIME);
    }
}
