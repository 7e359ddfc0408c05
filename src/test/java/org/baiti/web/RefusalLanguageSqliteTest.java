package org.baiti.web;

import org.baiti.testing.SqliteApp;

class RefusalLanguageSqliteTest extends SqliteApp implements RefusalLanguageContract {
}
