package org.baiti.online;

import java.util.Map;
import java.util.function.BiConsumer;

/** The online channel's attempts in figures, for statistics and charts; computed beside {@code attempt}. */
public interface AttemptFigures {

    /**
     * Submitted attempts (late ones too) per interval of {@code stepMillis} from {@code fromMillis}: interval
     * {@code (submittedAt - from) / step} (Java's long division) to count; intervals without submissions are absent.
     */
    Map<Long, Long> submissionsByInterval(long contestId, long fromMillis, long stepMillis);

    /** Hands the paper JSON and the answers JSON (null when none) of each counted attempt (in the ranking) to {@code to}. */
    void forEachCountedPaper(long contestId, BiConsumer<String, String> to);
}
