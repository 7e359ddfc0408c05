package org.baiti.bank;

import org.baiti.testing.SqliteApp;

class BankImportSqliteTest extends SqliteApp implements BankImportContract {
}
