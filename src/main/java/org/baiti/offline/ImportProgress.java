package org.baiti.offline;

/** Told how far an import has got, while it runs (every thousand rows or so, and at each phase change). */
@FunctionalInterface
public interface ImportProgress {

    /**
     * VALIDATE: rows checked and the good ones written, chunk by chunk, as the file is read; INSERT: every row is in,
     * the import is being logged before the commit.
     */
    enum Phase { VALIDATE, INSERT }

    /**
     * @param rowsRead  data rows read so far in this phase
     * @param rowsTotal data rows in the file, once known (after the last row was read), else 0
     */
    void update(Phase phase, long rowsRead, long rowsTotal);

    ImportProgress NONE = (phase, rowsRead, rowsTotal) -> { };
}
