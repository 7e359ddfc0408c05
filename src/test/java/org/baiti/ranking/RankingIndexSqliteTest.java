package org.baiti.ranking;

import org.baiti.testing.SqliteApp;

class RankingIndexSqliteTest extends SqliteApp implements RankingIndexContract {
}
