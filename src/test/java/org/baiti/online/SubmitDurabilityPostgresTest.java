package org.baiti.online;

import javax.sql.DataSource;

import org.baiti.GroupCommit;
import org.baiti.testing.PostgresApp;
import org.springframework.beans.factory.annotation.Autowired;

class SubmitDurabilityPostgresTest extends PostgresApp implements SubmitDurabilityContract {

    @Autowired
    DataSource dataSource;

    @Autowired
    GroupCommit groupCommit;

    @Override
    public DataSource dataSource() {
        return dataSource;
    }

    @Override
    public GroupCommit groupCommit() {
        return groupCommit;
    }
}
