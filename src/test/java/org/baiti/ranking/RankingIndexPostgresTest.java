package org.baiti.ranking;

import org.baiti.testing.PostgresApp;

class RankingIndexPostgresTest extends PostgresApp implements RankingIndexContract {
}
