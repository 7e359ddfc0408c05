package org.baiti.online;

import org.baiti.testing.SqliteApp;

class OnlineSqliteTest extends SqliteApp implements OnlineContract {
}
