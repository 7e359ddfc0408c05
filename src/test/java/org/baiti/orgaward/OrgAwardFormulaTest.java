package org.baiti.orgaward;

import java.util.List;

import org.baiti.orgaward.OrgAwardFormula.UnitFigures;
import org.baiti.orgaward.OrgAwardFormula.Weights;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class OrgAwardFormulaTest {

    private static final Weights DEFAULT = new Weights(0.4, 0.4, 0.2);

    @Test
    void scoresByTheSpecFormulaWithTheRateCappedAtOne() {
        UnitFigures u = new UnitFigures("U1", "甲", 100, 120, 0.9, 80);
        assertThat(OrgAwardFormula.score(u, DEFAULT)).isCloseTo(0.4 * 1 + 0.4 * 0.9 + 0.2 * 0.8, within(1e-15));
        List<OrgAwardFormula.Line> lines = OrgAwardFormula.rank(List.of(u), DEFAULT, 1);
        assertThat(lines.get(0).rate()).as("shown as is").isEqualTo(1.2);
    }

    @Test
    void aMissingAttentionMarkCountsAsZeroAndIsReported() {
        UnitFigures u = new UnitFigures("U1", "甲", 100, 50, 1.0, null);
        OrgAwardFormula.Line line = OrgAwardFormula.rank(List.of(u), DEFAULT, 1).get(0);
        assertThat(line.score()).isCloseTo(0.4 * 0.5 + 0.4, within(1e-15));
        assertThat(line.attentionMissing()).isTrue();
    }

    @Test
    void breaksTiesOnScoreByRateThenByCode() {
        // B and C: same score, C has the higher rate. A and D: same score and rate, A has the lower code.
        UnitFigures b = new UnitFigures("B", "乙", 100, 50, 0.8, 50);   // 0.2 + 0.32 + 0.1 = 0.62
        UnitFigures c = new UnitFigures("C", "丙", 100, 60, 0.7, 50);   // 0.24 + 0.28 + 0.1 = 0.62
        UnitFigures d = new UnitFigures("D", "丁", 200, 100, 0.5, 0);   // 0.2 + 0.2 = 0.4
        UnitFigures a = new UnitFigures("A", "甲", 10, 5, 0.5, 0);      // 0.4
        List<OrgAwardFormula.Line> lines = OrgAwardFormula.rank(List.of(d, b, a, c), DEFAULT, 3);
        assertThat(lines).extracting(OrgAwardFormula.Line::code).containsExactly("C", "B", "A", "D");
        assertThat(lines).extracting(OrgAwardFormula.Line::rank).containsExactly(1, 2, 3, 4);
        assertThat(lines).extracting(OrgAwardFormula.Line::awarded).containsExactly(true, true, true, false);
    }

    @Test
    void usesTheContestsWeights() {
        UnitFigures high = new UnitFigures("H", "高参与", 100, 100, 0.5, 0);
        UnitFigures accurate = new UnitFigures("A", "高正确率", 100, 10, 1.0, 0);
        assertThat(OrgAwardFormula.rank(List.of(high, accurate), new Weights(0.8, 0.2, 0), 1).get(0).code()).isEqualTo("H");
        assertThat(OrgAwardFormula.rank(List.of(high, accurate), new Weights(0.1, 0.9, 0), 1).get(0).code()).isEqualTo("A");
    }

    @Test
    void ordersCodesByCodePointNotUtf16() {
        assertThat(OrgAwardFormula.compareCodePoints("\uFF21", "\uD840\uDC00")).isNegative();
        assertThat("\uFF21".compareTo("\uD840\uDC00")).as("Java's own order differs").isPositive();
    }
}
