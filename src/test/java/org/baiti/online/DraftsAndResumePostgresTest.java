package org.baiti.online;

import org.baiti.testing.PostgresApp;

/** {@link DraftsAndResumeContract} on PostgreSQL. */
class DraftsAndResumePostgresTest extends PostgresApp implements DraftsAndResumeContract {
}
