package org.baiti.unit;

import org.baiti.testing.PostgresSlice;
import org.springframework.context.annotation.Import;

@Import(JdbcUnits.class)
class UnitsPostgresTest extends PostgresSlice implements UnitsContract {
}
