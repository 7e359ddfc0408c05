package org.baiti.reliability;

import org.baiti.testing.PostgresApp;

class InputPolicyPostgresTest extends PostgresApp implements InputPolicyContract {
}
