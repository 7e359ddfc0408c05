package org.baiti.draw;

import org.baiti.testing.SqliteApp;

class DrawRecordFixtureSqliteTest extends SqliteApp implements DrawRecordFixtureContract {
}
