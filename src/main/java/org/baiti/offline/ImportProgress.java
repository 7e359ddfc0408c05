package org.baiti.offline;

/** Told how far an import has got, while it runs (every thousand rows or so, and at each phase change). */
@FunctionalInterface
public interface ImportProgress {

    /**
     * The two passes over the file: check every row, then write them all in one transaction. A contest's first
     * import writes the rows while it checks them: its VALIDATE covers both, and its INSERT only the end (indexes
     * built again, counts checked).
     */
    enum Phase { VALIDATE, INSERT }

    /**
     * @param rowsRead  data rows read so far in this phase
     * @param rowsTotal data rows in the file, once known (after the validation pass), else 0
     */
    void update(Phase phase, long rowsRead, long rowsTotal);

    ImportProgress NONE = (phase, rowsRead, rowsTotal) -> { };
}
