package org.baiti.offline;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

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

    /** Results with every answer right. */
    long countPerfect(long contestId);

    /** Results per unit code (the unit itself, not the units below); {@code unitCodes} null: every unit. */
    Map<String, Long> countsByUnit(long contestId, Collection<String> unitCodes);

    /** Results per accuracy. */
    Map<Double, Long> countsByAccuracy(long contestId);

    /** Hands each stored answer text of the contest ({@link OfflineResult#answers()}, when there is one) to {@code to}. */
    void forEachAnswers(long contestId, Consumer<String> to);

    /**
     * The results as a relation for a statement that must combine them with another feature's rows in the database
     * (people across both channels): a derived table with the columns {@code contest_id, ticket, phone, name,
     * unit_code, top_code, accuracy}; the table behind it stays offline's.
     */
    static String relation() {
        return "(SELECT contest_id, ticket, phone, name, unit_code, top_code, accuracy FROM offline_result)";
    }

    /** The figures of one top-level unit. */
    record TopUnitFigures(String topCode, long participants, long perfect, double meanAccuracy) {
    }
}
