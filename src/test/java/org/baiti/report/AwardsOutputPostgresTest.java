package org.baiti.report;

import org.baiti.testing.PostgresApp;

class AwardsOutputPostgresTest extends PostgresApp implements AwardsOutputContract {
}
