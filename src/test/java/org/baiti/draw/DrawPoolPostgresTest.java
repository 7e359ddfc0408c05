package org.baiti.draw;

import org.baiti.testing.PostgresApp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

class DrawPoolPostgresTest extends PostgresApp implements DrawPoolContract {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ApplicationContext context;

    @Override
    public JdbcTemplate jdbc() {
        return jdbc;
    }

    @Override
    public ApplicationContext context() {
        return context;
    }
}
