package org.baiti.audit;

import org.baiti.testing.PostgresSlice;
import org.springframework.context.annotation.Import;

@Import({AuditLog.class, JdbcAuditEntries.class})
class AuditTrailPostgresTest extends PostgresSlice implements AuditTrailContract {
}
