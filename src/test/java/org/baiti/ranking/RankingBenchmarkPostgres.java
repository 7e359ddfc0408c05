package org.baiti.ranking;

import org.baiti.testing.PostgresApp;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/** {@link RankingBenchmarkContract} on Postgres; run explicitly with -Dbaiti.bench=true, never in the build. */
@EnabledIfSystemProperty(named = "baiti.bench", matches = "true")
class RankingBenchmarkPostgres extends PostgresApp implements RankingBenchmarkContract {
}
