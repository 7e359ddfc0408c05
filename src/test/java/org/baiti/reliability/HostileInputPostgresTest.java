package org.baiti.reliability;

import org.baiti.testing.PostgresApp;

class HostileInputPostgresTest extends PostgresApp implements HostileInputContract {
}
