package org.baiti.online;

import org.baiti.testing.PostgresApp;

class SubmitDurabilityPostgresTest extends PostgresApp implements SubmitDurabilityContract {
}
