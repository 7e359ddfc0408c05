package org.baiti.draw;

import java.nio.file.Path;

import org.baiti.testing.PostgresApp;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

class DrawEndToEndPostgresTest extends PostgresApp implements DrawEndToEndContract {

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
