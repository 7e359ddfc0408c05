package org.baiti.security;

import org.baiti.testing.PostgresApp;

class SecurityPostgresTest extends PostgresApp implements SecurityContract {
}
