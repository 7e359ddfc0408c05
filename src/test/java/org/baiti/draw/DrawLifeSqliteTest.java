package org.baiti.draw;

import org.baiti.testing.SqliteApp;

class DrawLifeSqliteTest extends SqliteApp implements DrawLifeContract {
}
