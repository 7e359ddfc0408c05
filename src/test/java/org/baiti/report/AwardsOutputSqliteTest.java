package org.baiti.report;

import org.baiti.testing.SqliteApp;

class AwardsOutputSqliteTest extends SqliteApp implements AwardsOutputContract {
}
