package org.baiti.unit;

import org.baiti.testing.PostgresApp;

class UnitImportPostgresTest extends PostgresApp implements UnitImportContract {
}
