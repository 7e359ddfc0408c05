package org.baiti.draw;

import java.nio.file.Path;

import org.baiti.testing.SqliteApp;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

class DrawEndToEndSqliteTest extends SqliteApp implements DrawEndToEndContract {

    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path scratch;

    @Override
    public JdbcTemplate jdbc() {
        return jdbc;
    }

    @Override
    public Path scratch() {
        return scratch;
    }
}
