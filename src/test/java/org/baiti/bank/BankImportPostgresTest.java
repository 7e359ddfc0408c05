package org.baiti.bank;

import org.baiti.testing.PostgresApp;

class BankImportPostgresTest extends PostgresApp implements BankImportContract {
}
