package org.baiti.report;

import org.baiti.testing.PostgresApp;

class AwardsPostgresTest extends PostgresApp implements AwardsContract {
}
