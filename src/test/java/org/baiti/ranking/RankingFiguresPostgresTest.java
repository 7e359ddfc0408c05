package org.baiti.ranking;

import org.baiti.testing.PostgresSlice;
import org.springframework.context.annotation.Import;

@Import({JdbcRankingFigures.class, JdbcRankingEntries.class})
class RankingFiguresPostgresTest extends PostgresSlice implements RankingFiguresContract {
}
