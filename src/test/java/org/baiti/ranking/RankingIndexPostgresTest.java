package org.baiti.ranking;

import org.baiti.testing.PostgresApp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

class RankingIndexPostgresTest extends PostgresApp implements RankingIndexContract {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    Ranking ranking;

    @Override
    public JdbcClient jdbc() {
        return jdbc;
    }

    @Override
    public TransactionTemplate tx() {
        return tx;
    }

    @Override
    public Ranking ranking() {
        return ranking;
    }
}
