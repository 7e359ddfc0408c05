package org.baiti;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** For the copies a node keeps in memory: what drops them must run at the change and again when its transaction ends. */
public final class TransactionEnd {

    private TransactionEnd() {
    }

    /**
     * Runs {@code action} now and, inside a transaction, once more when it ends (committed or rolled back): a read
     * on another thread between the two may have kept what the transaction was about to change.
     */
    public static void nowAndAtEnd(Runnable action) {
        action.run();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    action.run();
                }
            });
        }
    }
}
