package org.baiti.online;

import javax.sql.DataSource;

import org.baiti.GroupCommit;
import org.baiti.testing.SqliteApp;
import org.springframework.beans.factory.annotation.Autowired;

class SubmitDurabilitySqliteTest extends SqliteApp implements SubmitDurabilityContract {

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
