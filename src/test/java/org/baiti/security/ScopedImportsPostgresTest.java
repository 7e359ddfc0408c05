package org.baiti.security;

import org.baiti.testing.PostgresApp;

class ScopedImportsPostgresTest extends PostgresApp implements ScopedImportsContract {
}
