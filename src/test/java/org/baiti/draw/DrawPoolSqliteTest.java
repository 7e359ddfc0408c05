package org.baiti.draw;

import org.baiti.testing.SqliteApp;

class DrawPoolSqliteTest extends SqliteApp implements DrawPoolContract {
}
