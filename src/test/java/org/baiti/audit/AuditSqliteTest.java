package org.baiti.audit;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.baiti.testing.SqliteApp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class AuditSqliteTest extends SqliteApp implements AuditContract {

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
