package org.baiti.unit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.baiti.testing.Rows;
import org.baiti.testing.Slice;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The stored unit trees through {@link Units}: the names of some units by code. A JDBC slice on both databases. */
interface UnitsContract extends Slice {

    private Units units() {
        return bean(Units.class);
    }

    private static Unit top(long contest, String code, String name, int seq) {
        return new Unit(contest, code, name, null, code, 0, null, null, seq);
    }

    @Test
    default void namesOfTheContestsUnitsByCodeWithoutCodesThatAreNoUnit() {
        long contest = Rows.contest(jdbc());
        long other = Rows.contest(jdbc());
        units().upsert(List.of(top(contest, "U1", "市教育局", 1), top(contest, "U2", "东城区", 2),
                new Unit(contest, "U1-1", "第一中学", "U1", "U1", 1, null, null, 3),
                top(other, "U3", "别的比赛的单位", 1)), List.of());

        assertThat(units().names(contest, List.of("U1", "U1-1", "NOPE", "U3", "u1")))
                .as("an unknown code, another contest's unit and a code in another case are left out")
                .isEqualTo(Map.of("U1", "市教育局", "U1-1", "第一中学"));
        assertThat(units().names(contest, List.of())).isEmpty();
        assertThat(units().names(other, List.of("U1", "U3"))).isEqualTo(Map.of("U3", "别的比赛的单位"));
        assertThat(units().names(contest)).as("all of the contest's units, none of another's")
                .isEqualTo(Map.of("U1", "市教育局", "U2", "东城区", "U1-1", "第一中学"));
    }

    /** More codes than one statement takes ({@value org.baiti.InLists#SIZE}): the ones past the first list are named too. */
    @Test
    default void namesUnitsPastTheFirstListOfCodes() {
        long contest = Rows.contest(jdbc());
        List<Unit> tree = new ArrayList<>();
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < 1_100; i++) {
            if (i % 100 == 0) {
                tree.add(top(contest, "C" + i, "单位" + i, i));
            }
            codes.add("C" + i);
        }
        units().upsert(tree, List.of());
        Map<String, String> names = units().names(contest, codes);
        assertThat(names).hasSize(11).containsEntry("C0", "单位0").containsEntry("C500", "单位500")
                .containsEntry("C1000", "单位1000");
    }
}
