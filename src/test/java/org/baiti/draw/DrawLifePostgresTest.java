package org.baiti.draw;

import org.baiti.testing.PostgresApp;

class DrawLifePostgresTest extends PostgresApp implements DrawLifeContract {
}
