package org.baiti.unit;

import org.baiti.testing.SqliteSlice;
import org.springframework.context.annotation.Import;

@Import(JdbcUnits.class)
class UnitsSqliteTest extends SqliteSlice implements UnitsContract {
}
