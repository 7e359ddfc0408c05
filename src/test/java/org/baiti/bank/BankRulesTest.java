package org.baiti.bank;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.baiti.sheet.RowError;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.baiti.testing.Words.en;
import static org.baiti.testing.Words.zh;

class BankRulesTest {

    private static Map<String, String> row(String type, String answer, String... options) {
        Map<String, String> m = new HashMap<>(Map.of("id", "Q1", "type", type, "stem", "题干", "answer", answer));
        for (int i = 0; i < options.length; i++) {
            m.put("option" + (char) ('A' + i), options[i]);
        }
        return m;
    }

    @Test
    void acceptsMultipleChoiceKeysInAnyOrderAndSeparator() {
        assertThat(BankRules.parse(1, 2, 0, row("多选", "D,B,A", "a", "b", "c", "d")).question().answer()).isEqualTo("ABD");
        assertThat(BankRules.parse(1, 2, 0, row("multiple", "a b", "a", "b", "c")).question().answer()).isEqualTo("AB");
        assertThat(BankRules.parse(1, 2, 0, row("多选", "A", "a", "b")).errors()).hasSize(1);
    }

    @Test
    void readsEveryTrueFalseSpelling() {
        for (String t : new String[] {"对", "正确", "T", "true", "√", "TRUE"}) {
            assertThat(BankRules.parse(1, 2, 0, row("判断", t)).question().answer()).as(t).isEqualTo("A");
        }
        for (String f : new String[] {"错", "错误", "F", "false", "×"}) {
            assertThat(BankRules.parse(1, 2, 0, row("判断", f)).question().answer()).as(f).isEqualTo("B");
        }
        assertThat(BankRules.parse(1, 2, 0, row("判断", "是")).errors()).hasSize(1);
    }

    @Test
    void optionsMustBeContiguousFromA() {
        Map<String, String> r = row("单选", "A", "a", "", "c");
        assertThat(BankRules.parse(1, 5, 0, r).errors()).singleElement()
                .satisfies(e -> {
                    assertThat(e.row()).isEqualTo(5);
                    assertThat(e.column()).startsWith("选项B");
                });
        assertThat(BankRules.parse(1, 2, 0, row("单选", "A", "only one")).errors()).hasSize(1);
    }

    @Test
    void reasonsAreKeysWithTheTextsOfTheRowAsArguments() {
        Map<String, String> r = row("判断", "是");
        r.put("id", "");
        r.put("points", "1.5");
        assertThat(BankRules.parse(1, 3, 0, r).errors()).containsExactly(
                RowError.of(3, BankRules.ID, "row.required"),
                RowError.of(3, BankRules.ANSWER, "row.bank.true_false_answer", "是"),
                RowError.of(3, BankRules.POINTS, "row.bank.points", "1.5"));
        RowError letters = BankRules.parse(1, 2, 0, row("单选", "AB", "a", "b")).errors().get(0);
        assertThat(zh(letters)).isEqualTo("单选题答案应为一个字母：AB");
        assertThat(en(letters)).isEqualTo("a single-choice answer is one letter: AB");
        Map<String, String> longStem = row("单选", "A", "a", "b");
        longStem.put("stem", "长".repeat(BankRules.MAX_STEM + 1));
        RowError tooLong = BankRules.parse(1, 2, 0, longStem).errors().get(0);
        assertThat(zh(tooLong)).isEqualTo("过长：2,001 个字符，最多 2,000 个");
        assertThat(en(tooLong)).isEqualTo("too long: 2,001 characters, 2,000 at most");
    }

    @Test
    void pointsArePositiveWholeNumbers() {
        Map<String, String> r = row("单选", "A", "a", "b");
        r.put("points", "0");
        assertThat(BankRules.parse(1, 2, 0, r).errors()).singleElement().satisfies(e -> assertThat(e.column()).startsWith("分值"));
        r.put("points", "3");
        assertThat(BankRules.parse(1, 2, 0, r).question().points()).isEqualTo(3);
    }

    @Test
    void marksMultipleChoiceAllOrNothingUnlessPartialCreditIsOn() {
        Question q = BankRules.parse(1, 2, 0, row("多选", "ABD", "a", "b", "c", "d")).question();
        Question q3 = new Question(1, "Q", 1, q.type(), q.stem(), q.options(), q.answer(), 3, null, null);
        assertThat(Marking.points(q3, Set.of('A', 'B', 'D'), false)).isEqualTo(3);
        assertThat(Marking.points(q3, Set.of('A', 'B'), false)).isZero();
        assertThat(Marking.points(q3, Set.of('A', 'B'), true)).as("half of 3, rounded down").isEqualTo(1);
        assertThat(Marking.points(q3, Set.of('A', 'C'), true)).as("a wrong letter gets nothing").isZero();
        assertThat(Marking.points(q3, Set.of(), true)).isZero();
    }
}
