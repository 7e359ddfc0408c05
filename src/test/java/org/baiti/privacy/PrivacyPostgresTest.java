package org.baiti.privacy;

import java.nio.file.Path;

import org.baiti.testing.PostgresApp;
import org.junit.jupiter.api.io.TempDir;

class PrivacyPostgresTest extends PostgresApp implements PrivacyContract {

    @TempDir
    Path scratch;

    @Override
    public Path scratch() {
        return scratch;
    }
}
