package org.baiti.draw;

import org.baiti.testing.PostgresApp;

class DrawPoolPostgresTest extends PostgresApp implements DrawPoolContract {
}
