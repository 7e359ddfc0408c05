package org.baiti.security;

import javax.sql.DataSource;

import org.baiti.testing.PostgresApp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class SecurityPostgresTest extends PostgresApp implements SecurityContract {

    @Autowired
    DataSource dataSource;

    @Override
    public JdbcClient jdbc() {
        return JdbcClient.create(dataSource);
    }

    @Autowired
    org.springframework.session.jdbc.JdbcIndexedSessionRepository sessions;

    @Override
    public org.springframework.session.jdbc.JdbcIndexedSessionRepository sessions() {
        return sessions;
    }
}
