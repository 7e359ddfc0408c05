package org.baiti.ranking;

import org.baiti.testing.SqliteApp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

class RankingIndexSqliteTest extends SqliteApp implements RankingIndexContract {

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
