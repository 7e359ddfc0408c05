package org.baiti.online;

import org.baiti.testing.SqliteApp;

class SubmitDurabilitySqliteTest extends SqliteApp implements SubmitDurabilityContract {
}
