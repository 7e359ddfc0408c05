package org.baiti.draw;

import java.nio.file.Path;

import org.baiti.testing.PostgresApp;
import org.junit.jupiter.api.io.TempDir;

class DrawEndToEndPostgresTest extends PostgresApp implements DrawEndToEndContract {

    @TempDir
    Path scratch;

    @Override
    public Path scratch() {
        return scratch;
    }
}
