package org.baiti.ranking;

import org.baiti.testing.SqliteApp;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** {@link RankingBenchmarkContract} on Sqlite; run explicitly with -Dbaiti.bench=true, never in the build. */
@EnabledIfSystemProperty(named = "baiti.bench", matches = "true")
class RankingBenchmarkSqlite extends SqliteApp implements RankingBenchmarkContract {

    @Autowired
    JdbcTemplate template;

    @Autowired
    Ranking ranking;

    @Autowired
    TransactionTemplate tx;

    @Override
    public TransactionTemplate tx() {
        return tx;
    }

    @Override
    public JdbcTemplate template() {
        return template;
    }

    @Override
    public Ranking ranking() {
        return ranking;
    }
}
