package org.baiti.report;

import org.baiti.testing.SqliteApp;

class AwardsSqliteTest extends SqliteApp implements AwardsContract {
}
