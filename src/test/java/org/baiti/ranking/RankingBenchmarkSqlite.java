package org.baiti.ranking;

import org.baiti.testing.SqliteApp;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/** {@link RankingBenchmarkContract} on Sqlite; run explicitly with -Dbaiti.bench=true, never in the build. */
@EnabledIfSystemProperty(named = "baiti.bench", matches = "true")
class RankingBenchmarkSqlite extends SqliteApp implements RankingBenchmarkContract {
}
