package org.baiti.reliability;

import org.baiti.testing.SqliteApp;

class InputPolicySqliteTest extends SqliteApp implements InputPolicyContract {
}
