package org.baiti.draw;

import org.baiti.testing.SqliteApp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

class DrawPoolSqliteTest extends SqliteApp implements DrawPoolContract {

    @Autowired
    JdbcTemplate jdbc;

    @Override
    public JdbcTemplate jdbc() {
        return jdbc;
    }
}
