package org.baiti.offline;

import java.util.List;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.baiti.bank.Question;
import org.baiti.bank.QuestionType;
import org.baiti.sheet.Reason;
import org.baiti.sheet.RowError;
import org.baiti.unit.Unit;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.baiti.testing.Words.en;
import static org.baiti.testing.Words.zh;

/** Marking answer strings against the paper and checking offline rows (SPEC §2.3, §3), without Spring. */
class OfflineRulesTest {

    static final Question SINGLE = q("Q1", QuestionType.SINGLE, 4, "B", 1);
    static final Question MULTIPLE = q("Q2", QuestionType.MULTIPLE, 4, "ACD", 3);
    static final Question TRUE_FALSE = q("Q3", QuestionType.TRUEFALSE, 2, "B", 1);
    static final Question SINGLE_SIX = q("Q4", QuestionType.SINGLE, 6, "F", 2);
    static final List<Question> PAPER = List.of(SINGLE, MULTIPLE, TRUE_FALSE, SINGLE_SIX);

    static final OfflineRules.UnitIndex UNITS = new OfflineRules.UnitIndex(List.of(
            unit("U1", "市教育局", null, "U1"),
            unit("U1-1", "第一中学", "U1", "U1"),
            unit("U1-9", "办公室", "U1", "U1"),
            unit("U2", "东城区", null, "U2"),
            unit("U2-9", "办公室", "U2", "U2")));

    static int score(String answers, boolean partialCredit) {
        AnswerSheet.Parsed p = AnswerSheet.parse(answers, PAPER);
        assertThat(p.error()).isNull();
        return p.sheet().score(PAPER, partialCredit);
    }

    @Test
    void allRightGivesTheSumOfThePoints() {
        assertThat(score("B|ACD|错|F", false)).isEqualTo(7);
        assertThat(score("b|dca|B|f", false)).as("lower case, any order").isEqualTo(7);
    }

    @Test
    void singleChoiceIsRightOnlyWithTheKeyLetter() {
        assertThat(score("B|||", false)).isEqualTo(1);
        assertThat(score("A|||", false)).isZero();
        assertThat(score("AB|||", false)).as("two letters on a single-choice question").isZero();
    }

    @Test
    void multipleChoiceNeedsExactlyTheKeyUnlessPartialCreditGivesHalfForAStrictSubset() {
        assertThat(score("|ACD||", false)).as("full").isEqualTo(3);
        assertThat(score("|AC||", false)).as("missing one letter, no partial credit").isZero();
        assertThat(score("|AC||", true)).as("missing one letter, partial credit: 3 / 2 rounded down").isEqualTo(1);
        assertThat(score("|ABCD||", false)).as("extra letter").isZero();
        assertThat(score("|ABCD||", true)).as("extra letter is wrong even with partial credit").isZero();
        assertThat(score("|AB||", true)).as("a wrong letter among them").isZero();
        assertThat(score("|ACD||", true)).as("full with partial credit on").isEqualTo(3);
    }

    @Test
    void partialCreditDoesNotApplyToSingleChoiceOrTrueFalse() {
        assertThat(score("A|||", true)).isZero();
        assertThat(score("||A|", true)).isZero();
    }

    @Test
    void trueFalseAcceptsTheWordsAndSymbolsOfTheBankImport() {
        for (String wrongIsRight : List.of("错", "错误", "F", "f", "false", "×", "B")) {
            assertThat(score("||" + wrongIsRight + "|", false)).as(wrongIsRight).isEqualTo(1);
        }
        for (String trueIsWrong : List.of("对", "正确", "T", "true", "√", "A")) {
            assertThat(score("||" + trueIsWrong + "|", false)).as(trueIsWrong).isZero();
        }
    }

    @Test
    void commasPipesAndFullWidthCommasSeparateAndSpacesAreIgnored() {
        assertThat(score("B,ACD,错,F", false)).isEqualTo(7);
        assertThat(score("B，ACD，错，F", false)).isEqualTo(7);
        assertThat(score("B, A C D |错 ，F", false)).isEqualTo(7);
    }

    @Test
    void emptyEntriesAreUnansweredQuestionsWorthNothing() {
        AnswerSheet.Parsed p = AnswerSheet.parse("B|||F", PAPER);
        assertThat(p.sheet().score(PAPER, true)).isEqualTo(3);
        assertThat(p.sheet().normalized()).isEqualTo("B|||F");
        assertThat(p.sheet().entries().get(1)).isEmpty();
    }

    @Test
    void theStoredFormIsSortedLettersWithTrueFalseAsAOrB() {
        assertThat(AnswerSheet.parse("b, DCA, 对, f", PAPER).sheet().normalized()).isEqualTo("B|ACD|A|F");
    }

    @Test
    void theWrongNumberOfAnswersIsRefusedWithBothCounts() {
        AnswerSheet.Parsed p = AnswerSheet.parse("B|ACD|错", PAPER);
        assertThat(p.ok()).isFalse();
        assertThat(p.error()).isEqualTo(Reason.of("row.answers.count", 4, 3));
        assertThat(zh(p.error())).isEqualTo("应有 4 个答案，实际 3 个");
        assertThat(en(AnswerSheet.parse("B|ACD|错|F|", PAPER).error())).isEqualTo("expected 4 answers, found 5");
    }

    @Test
    void aLetterTheQuestionDoesNotHaveIsNamedWithTheQuestionNumber() {
        assertThat(AnswerSheet.parse("E|ACD|错|F", PAPER).error()).isEqualTo(Reason.of("row.answers.no_option", "1", "E"));
        assertThat(zh(AnswerSheet.parse("E|ACD|错|F", PAPER).error())).isEqualTo("第 1 题没有选项 E");
        Reason two = AnswerSheet.parse("B|ACD|C|G", PAPER).error();
        assertThat(zh(two)).isEqualTo("第 3 题没有选项 C；第 4 题没有选项 G");
        assertThat(en(two)).isEqualTo("question 3 has no option C; question 4 has no option G");
        assertThat(zh(AnswerSheet.parse("B|A?|错|F", PAPER).error())).isEqualTo("第 2 题的答案“A?”无法识别");
    }

    @Property(tries = 200)
    void answeringWithTheKeyIsAlwaysPerfect(@ForAll @IntRange(min = 1, max = 8) int options,
                                            @ForAll @IntRange(min = 1, max = 255) int keyBits,
                                            @ForAll @IntRange(min = 1, max = 10) int points) {
        StringBuilder key = new StringBuilder();
        for (int i = 0; i < options; i++) {
            if ((keyBits & (1 << i)) != 0) {
                key.append((char) ('A' + i));
            }
        }
        if (key.isEmpty()) {
            key.append('A');
        }
        Question q = q("P", QuestionType.MULTIPLE, options, key.toString(), points);
        List<Question> paper = List.of(q, TRUE_FALSE);
        AnswerSheet.Parsed p = AnswerSheet.parse(key.reverse() + "|错", paper);
        assertThat(p.sheet().score(paper, false)).isEqualTo(points + 1);
    }

    @Property(tries = 300)
    void theMemoisedMarkingOfAPaperAgreesWithMarkingEachQuestion(
            @ForAll @IntRange(min = 0, max = 15) int a, @ForAll @IntRange(min = 0, max = 15) int b,
            @ForAll @IntRange(min = 0, max = 3) int c, @ForAll @IntRange(min = 0, max = 63) int d,
            @ForAll boolean partialCredit) {
        String text = String.join("|", letters(a & 15), letters(b), letters(c), letters(d));
        AnswerSheet sheet = AnswerSheet.parse(text, PAPER).sheet();
        OfflineRules.Paper paper = new OfflineRules.Paper(PAPER, partialCredit);
        assertThat(sheet.score(paper)).isEqualTo(sheet.score(PAPER, partialCredit));
        assertThat(sheet.score(paper)).as("memo hit").isEqualTo(sheet.score(PAPER, partialCredit));
    }

    static String letters(int mask) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if ((mask & (1 << i)) != 0) {
                sb.append((char) ('A' + i));
            }
        }
        return sb.toString();
    }

    // --- rows ---

    static OfflineRules.Row row(String ticket, String name, String phone, String unit, String score, String answers) {
        return new OfflineRules.Row(2, ticket, name, phone, unit, score, answers, "");
    }

    static OfflineRules.Checked check(OfflineRules.Row row) {
        return OfflineRules.check(row, new OfflineRules.Paper(PAPER, false), UNITS);
    }

    @Test
    void aRowWithAnswersIsMarkedAndItsPhoneAndUnitNormalized() {
        OfflineRules.Checked c = check(new OfflineRules.Row(7, "T001", "张三", "+86 138-1234-5678", "第一中学", "",
                "B|ACD|错|F", "一号考场"));
        assertThat(c.errors()).isEmpty();
        OfflineResult r = c.result();
        assertThat(r.phone()).isEqualTo("13812345678");
        assertThat(r.unitCode()).isEqualTo("U1-1");
        assertThat(r.topCode()).isEqualTo("U1");
        assertThat(r.score()).isEqualTo(7);
        assertThat(r.maxScore()).isEqualTo(7);
        assertThat(r.accuracy()).isEqualTo(1.0);
        assertThat(r.perfect()).isTrue();
        assertThat(r.answers()).isEqualTo("B|ACD|B|F");
        assertThat(r.venue()).isEqualTo("一号考场");
        assertThat(r.rowNo()).isEqualTo(7);
    }

    @Test
    void aRowWithAScoreOnlyKeepsTheScore() {
        OfflineResult r = check(row("T1", "李四", "13900000000", "U2", "5.0", "")).result();
        assertThat(r.score()).isEqualTo(5);
        assertThat(r.accuracy()).isEqualTo(5.0 / 7);
        assertThat(r.perfect()).isFalse();
        assertThat(r.answers()).isNull();
    }

    @Test
    void scoresOutsideZeroToTheMaximumOrNotWholeAreRefused() {
        RowError eight = only(check(row("T1", "李四", "13900000000", "U2", "8", "")));
        assertThat(eight).isEqualTo(RowError.of(2, OfflineRules.SCORE, "row.offline.score_range", "8", 7));
        assertThat(zh(eight)).isEqualTo("得分应在 0 到 7 之间：8");
        assertThat(en(eight)).isEqualTo("the score must be between 0 and 7: 8");
        assertThat(zh(only(check(row("T1", "李四", "13900000000", "U2", "-1", ""))))).contains("0 到 7");
        assertThat(zh(only(check(row("T1", "李四", "13900000000", "U2", "6.5", ""))))).isEqualTo("得分应为整数：6.5");
        assertThat(only(check(row("T1", "李四", "13900000000", "U2", "六", ""))).key()).isEqualTo("row.offline.score_not_whole");
        assertThat(check(row("T1", "李四", "13900000000", "U2", "0", "")).result().score()).isZero();
        assertThat(check(row("T1", "李四", "13900000000", "U2", "7", "")).result().perfect()).isTrue();
    }

    @Test
    void aScoreThatDiffersFromTheMarkedAnswersIsATypingError() {
        RowError e = only(check(row("T1", "李四", "13900000000", "U2", "7", "B|AC|错|F")));
        assertThat(e.column()).isEqualTo(OfflineRules.SCORE);
        assertThat(zh(e)).isEqualTo("填写的得分 7 与按答案评出的 4 分不一致，请核对录入");
        assertThat(en(e)).isEqualTo("the score given, 7, differs from 4 marked from the answers; check what was typed");
        assertThat(check(row("T1", "李四", "13900000000", "U2", "4", "B|AC|错|F")).result().score()).isEqualTo(4);
    }

    @Test
    void aRowNeedsAScoreOrAnswers() {
        assertThat(only(check(row("T1", "李四", "13900000000", "U2", "", ""))).column()).isEqualTo(OfflineRules.SCORE);
    }

    @Test
    void unitsAreFoundByCodeOrByANameThatMatchesExactlyOneUnit() {
        assertThat(check(row("T1", "李四", "13900000000", "东城区", "1", "")).result().unitCode()).isEqualTo("U2");
        RowError unknown = only(check(row("T1", "李四", "13900000000", "U9", "1", "")));
        assertThat(unknown).isEqualTo(RowError.of(2, OfflineRules.UNIT, "row.offline.unknown_unit", "U9"));
        assertThat(zh(unknown)).isEqualTo("未知单位：U9");
        RowError ambiguous = only(check(row("T1", "李四", "13900000000", "办公室", "1", "")));
        assertThat(ambiguous.column()).isEqualTo(OfflineRules.UNIT);
        assertThat(zh(ambiguous)).isEqualTo("单位名称“办公室”对应多个单位（U1-9、U2-9），请填写单位编码");
        assertThat(en(ambiguous)).isEqualTo("unit name \"办公室\" is ambiguous: it matches U1-9, U2-9; use the unit code");
    }

    @Test
    void phonesMustBeMainlandMobiles() {
        assertThat(only(check(row("T1", "李四", "010-12345678", "U2", "1", ""))).column()).isEqualTo(OfflineRules.PHONE);
        assertThat(zh(only(check(row("T1", "李四", "1390000000", "U2", "1", "")))))
                .isEqualTo("不是中国大陆手机号（11 位，以 1 开头）：1390000000");
        assertThat(only(check(row("T1", "李四", "12900000000", "U2", "1", ""))).column()).isEqualTo(OfflineRules.PHONE);
        assertThat(check(row("T1", "李四", "0086 139 0000 0000", "U2", "1", "")).result().phone()).isEqualTo("13900000000");
    }

    @Test
    void everyProblemOfARowIsReportedWithItsColumn() {
        OfflineRules.Checked c = check(row("", "", "", "", "", ""));
        assertThat(c.result()).isNull();
        assertThat(c.errors()).extracting(RowError::column).containsExactly(
                OfflineRules.TICKET, OfflineRules.NAME, OfflineRules.PHONE, OfflineRules.UNIT, OfflineRules.SCORE);
        assertThat(check(row("T\n1", "李".repeat(51), "13900000000", "U2", "1", "")).errors())
                .extracting(RowError::column).containsExactly(OfflineRules.TICKET, OfflineRules.NAME);
    }

    @Test
    void theSameDataIgnoresWhereTheRowCameFrom() {
        OfflineResult a = check(new OfflineRules.Row(2, "T1", "李四", "13900000000", "U2", "", "B|ACD|错|F", "")).result();
        OfflineResult b = check(new OfflineRules.Row(9, "T1", "李四", "139 0000 0000", "东城区", "7", "b|acd|B|F", "")).result();
        OfflineResult c = check(new OfflineRules.Row(9, "T1", "李四", "13900000000", "U2", "", "B|ACD|错|F", "二号考场")).result();
        assertThat(a.sameDataAs(b)).isTrue();
        assertThat(a.sameDataAs(c)).isFalse();
    }

    static RowError only(OfflineRules.Checked c) {
        assertThat(c.errors()).hasSize(1);
        return c.errors().get(0);
    }

    static Question q(String key, QuestionType type, int options, String answer, int points) {
        List<String> texts = type == QuestionType.TRUEFALSE ? Question.TRUE_FALSE_OPTIONS
                : java.util.stream.IntStream.range(0, options).mapToObj(i -> "option " + i).toList();
        return new Question(1, key, 0, type, "stem", texts, answer, points, null, null);
    }

    static Unit unit(String code, String name, String parent, String top) {
        return new Unit(1, code, name, parent, top, parent == null ? 0 : 1, parent == null ? 100 : null, null, 0);
    }
}
