package org.baiti.offline;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Stored offline results, per contest. */
public interface OfflineResults {

    /** How many results the contest has. */
    long count(long contestId);

    /** The stored results among these tickets, by ticket. */
    Map<String, OfflineResult> byTickets(long contestId, Collection<String> tickets);

    /** Sets up (true) or back (false) the current transaction's connection for writing many rows. */
    void bulkWrite(boolean on);

    /**
     * How many rows an import must add before dropping the secondary indexes and building them again costs less than
     * maintaining them row by row (only on SQLite, only when the table is small compared with the import);
     * {@link Long#MAX_VALUE} when never. Asked before the import adds anything.
     */
    long deferIndexesFrom();

    /**
     * In the current transaction, drops the secondary indexes ({@link #deferIndexesFrom} says when it pays).
     *
     * @return what {@link #restoreIndexes} needs to build them again before the commit; empty when nothing was dropped
     */
    List<String> deferIndexes();

    /** Builds again, in the current transaction, the indexes {@link #deferIndexes} dropped. */
    void restoreIndexes(List<String> rebuild);

    /**
     * Inserts the results that are not there yet (a ticket already stored is left alone).
     *
     * @return how many were inserted, or -1 when the driver does not tell
     */
    long insertNew(long contestId, long importId, List<OfflineResult> results);

    /** How many results an import added. */
    long countImported(long contestId, long importId);

    /** Participants, perfect scores and mean accuracy per top-level unit code. */
    List<TopUnitFigures> byTopUnit(long contestId);

    /** Distinct normalized phones among the contest's offline results. */
    long distinctPhones(long contestId);

    /** The figures of one top-level unit. */
    record TopUnitFigures(String topCode, long participants, long perfect, double meanAccuracy) {
    }
}
