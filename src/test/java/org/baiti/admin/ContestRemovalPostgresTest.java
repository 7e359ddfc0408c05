package org.baiti.admin;

import org.baiti.testing.PostgresSlice;
import org.springframework.context.annotation.Import;

@Import(ContestRemoval.class)
class ContestRemovalPostgresTest extends PostgresSlice implements ContestRemovalContract {
}
