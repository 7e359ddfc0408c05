package org.baiti.audit;

import org.baiti.testing.PostgresApp;

class AuditPostgresTest extends PostgresApp implements AuditContract {
}
