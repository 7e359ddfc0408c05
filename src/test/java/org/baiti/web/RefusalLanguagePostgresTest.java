package org.baiti.web;

import org.baiti.testing.PostgresApp;

class RefusalLanguagePostgresTest extends PostgresApp implements RefusalLanguageContract {
}
