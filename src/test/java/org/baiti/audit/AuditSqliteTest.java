package org.baiti.audit;

import org.baiti.testing.SqliteApp;

class AuditSqliteTest extends SqliteApp implements AuditContract {
}
