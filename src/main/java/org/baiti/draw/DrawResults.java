package org.baiti.draw;

import java.util.List;

/** What the draws of a contest decided, for the awards list and certificates. */
public interface DrawResults {

    /** The contest's sealed draws in reveal order (earliest first, then by id). */
    List<DrawRecord> sealed(long contestId);
}
