package org.baiti;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class InListsTest {

    @Test
    void valuesComeInOrderInListsOfAtMostTheSize() {
        List<Integer> values = IntStream.range(0, 2 * InLists.SIZE + 1).boxed().toList();
        List<List<Integer>> lists = InLists.of(values);
        assertThat(lists).extracting(List::size).containsExactly(InLists.SIZE, InLists.SIZE, 1);
        assertThat(lists.stream().flatMap(List::stream).toList()).isEqualTo(values);
        assertThat(InLists.of(List.of())).isEmpty();
        assertThat(InLists.of(List.of("a"))).containsExactly(List.of("a"));
    }
}
