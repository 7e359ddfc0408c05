package org.baiti.audit;

import org.baiti.testing.SqliteSlice;
import org.springframework.context.annotation.Import;

@Import({AuditLog.class, JdbcAuditEntries.class})
class AuditTrailSqliteTest extends SqliteSlice implements AuditTrailContract {
}
