package org.baiti.offline;

import org.baiti.testing.PostgresSlice;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.context.annotation.Import;

@Import(JdbcPerfectPapers.class)
@ImportAutoConfiguration({TaskExecutionAutoConfiguration.class, JacksonAutoConfiguration.class})
class PerfectPapersPostgresTest extends PostgresSlice implements PerfectPapersContract {
}
