package org.baiti.offline;

import org.baiti.testing.SqliteApp;
import org.springframework.beans.factory.annotation.Autowired;

class OfflineImportJobsSqliteTest extends SqliteApp implements OfflineImportJobsContract {

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
