package org.baiti;

import javax.sql.DataSource;

import org.baiti.testing.SqliteApp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

class GroupCommitSqliteTest extends SqliteApp implements GroupCommitContract {

    @Autowired
    GroupCommit groupCommit;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    TransactionTemplate tx;

    @Override
    public GroupCommit groupCommit() {
        return groupCommit;
    }

    @Override
    public JdbcTemplate jdbc() {
        return jdbc;
    }

    @Override
    public DataSource dataSource() {
        return dataSource;
    }

    @Override
    public TransactionTemplate tx() {
        return tx;
    }
}
