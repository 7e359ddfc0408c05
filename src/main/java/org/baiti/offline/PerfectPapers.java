package org.baiti.offline;

import java.util.function.Consumer;

/** The contest's offline results with every answer right: the pool of a public draw (SPEC §5). */
public interface PerfectPapers {

    /** One perfect paper as the draw needs it: the ticket (the pool's key), the name as stored, the unit code. */
    record Paper(String ticket, String name, String unitCode) {
    }

    /**
     * Hands each perfect paper of the contest to {@code each} on this thread, in ascending byte order of the ticket's
     * UTF-8 (SQLite's {@code BINARY}, PostgreSQL's {@code "C"}), all of them from one snapshot. An exception
     * {@code each} throws ends the read and reaches the caller.
     */
    void forEach(long contestId, Consumer<Paper> each);
}
