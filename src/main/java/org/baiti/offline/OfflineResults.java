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

    /**
     * Starts an import in the current transaction: waits while another import of the contest runs (on any node) and
     * keeps the next ones waiting until this transaction ends; sets the connection up for many rows.
     */
    void beginImport(long contestId);

    /** Sets the connection back after {@link #beginImport}, in the same transaction (also when the import failed). */
    void endImport();

    /**
     * Inserts the results that are not there yet (a ticket already stored is left alone).
     *
     * @return the results left out because their ticket is stored already, in the order given
     */
    List<OfflineResult> insertNew(long contestId, long importId, List<OfflineResult> results);

    /** Participants, perfect scores and mean accuracy per top-level unit code. */
    List<TopUnitFigures> byTopUnit(long contestId);

    /** Distinct normalized phones among the contest's offline results. */
    long distinctPhones(long contestId);

    /** The figures of one top-level unit. */
    record TopUnitFigures(String topCode, long participants, long perfect, double meanAccuracy) {
    }
}
