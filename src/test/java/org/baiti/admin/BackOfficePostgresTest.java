package org.baiti.admin;

import org.baiti.testing.PostgresApp;

class BackOfficePostgresTest extends PostgresApp implements BackOfficeContract {
}
