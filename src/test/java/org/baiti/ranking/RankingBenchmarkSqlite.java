package org.baiti.ranking;

import org.baiti.testing.SqliteApp;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/** {@link RankingBenchmarkContract} on Sqlite; run explicitly with -Dbaiti.bench=true, never in the build. */
@EnabledIfSystemProperty(named = "baiti.bench", matches = "true")
@TestPropertySource(properties = "baiti.ranking-cache-millis=0") // the queries, not the copy in memory
@DirtiesContext
class RankingBenchmarkSqlite extends SqliteApp implements RankingBenchmarkContract {
}
