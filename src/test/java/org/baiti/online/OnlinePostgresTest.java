package org.baiti.online;

import org.baiti.testing.PostgresApp;

class OnlinePostgresTest extends PostgresApp implements OnlineContract {
}
