package org.baiti.online;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The stored form of a paper, read back by every submit with a streaming parser. */
class PaperJsonTest {

    private static final Paper PAPER = new Paper(List.of(
            new Paper.Item("Q1", List.of(new Paper.Option("3fa9c1", 'B'), new Paper.Option("07be21", 'A'))),
            new Paper.Item("森林\"防火\"\\2", List.of(new Paper.Option("a", 'D'), new Paper.Option("b", 'C'),
                    new Paper.Option("c", 'A'), new Paper.Option("d", 'B'))),
            new Paper.Item("TF", List.of(new Paper.Option("x1", 'A'), new Paper.Option("x2", 'B')))));

    @Test
    void aPaperReadsBackAsWritten() {
        String json = JdbcAttempts.paperJson(PAPER);
        assertThat(json).startsWith("[{\"q\":\"Q1\",\"o\":[[\"3fa9c1\",\"B\"],[\"07be21\",\"A\"]]}");
        assertThat(JdbcAttempts.paper(json)).isEqualTo(PAPER);
    }

    @Test
    void papersStoredByEarlierVersionsWithTheOptionsFirstStillRead() {
        // Map.of gave no order: rows written before the streaming writer may hold "o" before "q"
        String earlier = "[{\"o\":[[\"3fa9c1\",\"B\"],[\"07be21\",\"A\"]],\"q\":\"Q1\"},"
                + "{\"q\":\"TF\",\"o\":[[\"x1\",\"A\"],[\"x2\",\"B\"]]}]";
        assertThat(JdbcAttempts.paper(earlier)).isEqualTo(new Paper(List.of(PAPER.items().get(0), PAPER.items().get(2))));
    }

    @Test
    void aDamagedPaperIsAnErrorNotAWrongPaper() {
        assertThatThrownBy(() -> JdbcAttempts.paper("[{\"q\":\"Q1\",\"o\":[[\"a\"]]}]"))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> JdbcAttempts.paper("{\"q\":\"Q1\"}")).isInstanceOf(IllegalStateException.class);
    }
}
