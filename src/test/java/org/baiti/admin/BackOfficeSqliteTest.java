package org.baiti.admin;

import org.baiti.testing.SqliteApp;

class BackOfficeSqliteTest extends SqliteApp implements BackOfficeContract {
}
