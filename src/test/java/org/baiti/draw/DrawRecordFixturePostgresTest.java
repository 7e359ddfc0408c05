package org.baiti.draw;

import org.baiti.testing.PostgresApp;

class DrawRecordFixturePostgresTest extends PostgresApp implements DrawRecordFixtureContract {
}
