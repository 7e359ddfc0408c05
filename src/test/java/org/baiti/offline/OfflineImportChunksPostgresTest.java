package org.baiti.offline;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;

class OfflineImportChunksPostgresTest extends org.baiti.testing.PostgresApp implements OfflineImportChunksContract {

    @Autowired
    OfflineResults results;

    @Autowired
    OfflineImport offlineImport;

    @Autowired
    PlatformTransactionManager transactions;

    @Override
    public OfflineResults results() {
        return results;
    }

    @Override
    public OfflineImport offlineImport() {
        return offlineImport;
    }

    @Override
    public PlatformTransactionManager transactions() {
        return transactions;
    }
}
