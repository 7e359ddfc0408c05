package org.baiti.privacy;

import java.nio.file.Path;

import org.baiti.testing.SqliteApp;
import org.junit.jupiter.api.io.TempDir;

class PrivacySqliteTest extends SqliteApp implements PrivacyContract {

    @TempDir
    Path scratch;

    @Override
    public Path scratch() {
        return scratch;
    }
}
