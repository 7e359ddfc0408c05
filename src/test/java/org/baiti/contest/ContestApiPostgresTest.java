package org.baiti.contest;

import org.baiti.testing.PostgresApp;

class ContestApiPostgresTest extends PostgresApp implements ContestApiContract {
}
