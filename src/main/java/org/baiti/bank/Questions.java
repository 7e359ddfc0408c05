package org.baiti.bank;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Stored question banks, one per contest. */
public interface Questions {

    /** The whole bank in bank order. */
    List<Question> all(long contestId);

    /** The first {@code n} questions in bank order: the fixed paper (also the offline paper). */
    List<Question> firstN(long contestId, int n);

    Map<String, Question> byKeys(long contestId, Collection<String> keys);

    int count(long contestId);

    void upsert(List<Question> added, List<Question> changed);
}
