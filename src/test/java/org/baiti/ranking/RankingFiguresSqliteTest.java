package org.baiti.ranking;

import org.baiti.testing.SqliteSlice;
import org.springframework.context.annotation.Import;

@Import({JdbcRankingFigures.class, JdbcRankingEntries.class})
class RankingFiguresSqliteTest extends SqliteSlice implements RankingFiguresContract {
}
