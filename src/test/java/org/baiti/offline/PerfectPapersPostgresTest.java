package org.baiti.offline;

import org.baiti.testing.PostgresSlice;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

@Import(JdbcPerfectPapers.class)
@ImportAutoConfiguration({TaskExecutionAutoConfiguration.class, JacksonAutoConfiguration.class})
class PerfectPapersPostgresTest extends PostgresSlice implements PerfectPapersContract {

    /** The index of V98 is in {@code COLLATE "C"}: PostgreSQL reads the pool in its order and sorts nothing. */
    @Test
    void thePoolComesInTheIndexOrderWithoutASort() {
        String plan = new TransactionTemplate(bean(PlatformTransactionManager.class)).execute(tx -> {
            jdbc().sql("SET LOCAL enable_seqscan = off").update(); // an empty table would rather be scanned and sorted
            return String.join("\n", jdbc().sql("EXPLAIN " + JdbcPerfectPapers.POOL.formatted(1L))
                    .query(String.class).list());
        });
        assertThat(plan).contains("offline_result_perfect").doesNotContain("Sort");
    }
}
