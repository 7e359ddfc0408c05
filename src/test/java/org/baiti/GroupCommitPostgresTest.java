package org.baiti;

import org.baiti.testing.PostgresApp;

class GroupCommitPostgresTest extends PostgresApp implements GroupCommitContract {
}
