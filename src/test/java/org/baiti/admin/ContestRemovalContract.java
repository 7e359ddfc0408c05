package org.baiti.admin;

import java.util.List;
import java.util.Locale;

import org.baiti.testing.Slice;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What a contest's delete empties, read from the migrated database's catalogue: a JDBC slice on both databases. */
interface ContestRemovalContract extends Slice {

    /** Every table that holds rows of a contest is emptied on delete, children first (the audit trail stays). */
    @Test
    default void theDeleteCoversEveryTableWithAContestColumn() {
        List<String> order = bean(ContestRemoval.class).deleteOrder();
        List<String> lower = order.stream().map(t -> t.toLowerCase(Locale.ROOT)).toList();
        assertThat(lower).contains("unit", "question", "attempt", "ranking_entry", "offline_result", "draw", "roster_entry",
                "import_log", "question_bank_version").doesNotContain("audit_entry", "contest");
        // children first: a table is emptied before the tables it references
        assertThat(lower).containsSubsequence("attempt_signal", "attempt");
    }
}
