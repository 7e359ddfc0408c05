package org.baiti.draw;

import java.nio.file.Path;

import org.baiti.testing.SqliteApp;
import org.junit.jupiter.api.io.TempDir;

class DrawEndToEndSqliteTest extends SqliteApp implements DrawEndToEndContract {

    @TempDir
    Path scratch;

    @Override
    public Path scratch() {
        return scratch;
    }
}
