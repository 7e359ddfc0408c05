package org.baiti.audit;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.baiti.testing.PostgresApp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class AuditPostgresTest extends PostgresApp implements AuditContract {

    @Autowired
    DataSource dataSource;

    @Override
    public JdbcClient jdbc() {
        return JdbcClient.create(dataSource);
    }

    @Override
    public String jdbcUrl() {
        return ((HikariDataSource) dataSource).getJdbcUrl();
    }
}
