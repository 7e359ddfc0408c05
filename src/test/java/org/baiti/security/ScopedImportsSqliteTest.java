package org.baiti.security;

import org.baiti.testing.SqliteApp;

class ScopedImportsSqliteTest extends SqliteApp implements ScopedImportsContract {
}
