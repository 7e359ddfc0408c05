package org.baiti.offline;

import org.baiti.testing.PostgresApp;
import org.springframework.beans.factory.annotation.Autowired;

class OfflineImportJobsPostgresTest extends PostgresApp implements OfflineImportJobsContract {

    @Autowired
    OfflineImportJobs jobs;

    @Autowired
    JdbcImportJobs stored;

    @Override
    public OfflineImportJobs jobs() {
        return jobs;
    }

    @Override
    public JdbcImportJobs stored() {
        return stored;
    }
}
