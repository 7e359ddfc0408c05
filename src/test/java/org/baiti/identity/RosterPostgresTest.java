package org.baiti.identity;

import org.baiti.testing.PostgresApp;

class RosterPostgresTest extends PostgresApp implements RosterContract {
}
