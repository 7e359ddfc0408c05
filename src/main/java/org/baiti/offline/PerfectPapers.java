package org.baiti.offline;

import java.util.function.Consumer;
import java.util.function.Function;

/** The contest's offline results with every answer right: the pool of a public draw (SPEC §5). */
public interface PerfectPapers {

    /** One perfect paper as the draw needs it: the ticket (the pool's key), the name as stored, the unit code. */
    record Paper(String ticket, String name, String unitCode) {
    }

    /**
     * Hands each perfect paper of the contest, made into what the caller needs by {@code prepare}, to {@code each} on
     * this thread, in ascending byte order of the ticket's UTF-8 (SQLite's {@code BINARY}, PostgreSQL's {@code "C"}),
     * all of them from one snapshot. {@code prepare} may run on the thread that reads (PostgreSQL's rows come one by
     * one), so the caller's work per paper shares the two cores with the reading; an exception it throws ends the read
     * and reaches the caller (some papers before it may not have reached {@code each}).
     */
    <T> void forEach(long contestId, Function<Paper, T> prepare, Consumer<T> each);
}
