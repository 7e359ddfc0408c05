package org.baiti.security;

import org.baiti.testing.SqliteApp;

class SecuritySqliteTest extends SqliteApp implements SecurityContract {
}
