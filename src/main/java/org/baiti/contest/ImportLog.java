package org.baiti.contest;

import java.time.Instant;
import java.util.List;

/** The list of imports of a contest (bank, units, offline results): what, when, how many rows, who. */
public interface ImportLog {

    /** One import that changed something. */
    record Entry(long id, long contestId, String kind, String fileName, String fileSha256, int rowsTotal,
                 int rowsAdded, int rowsChanged, String importedBy, Instant importedAt) {
    }

    void record(Entry entry);

    List<Entry> list(long contestId);
}
