package org.baiti.online;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Stored attempts. */
interface Attempts {

    Optional<Attempt> find(String id);

    /** The highest attempt number of a person in a contest, 0 when none. */
    int lastAttemptNo(long contestId, String phone);

    /** Whether the person has an attempt not yet submitted. */
    boolean hasUnsubmitted(long contestId, String phone);

    /**
     * Inserts new attempts in one batch, in order, each unless the person already has one with the same number (the
     * database decides, so two starts racing each other cannot both win); true for each one inserted.
     */
    List<Boolean> insertAllIfNew(List<Attempt> attempts);

    /** What {@link #markAllSubmitted} stores for one attempt. */
    record Marks(String id, Instant submittedAt, long durationMs, int score, int maxScore, double accuracy,
                 boolean late, Map<String, String> answers) {
    }

    /**
     * Stores submissions in one batch, in order, each once: true when this call stored it, false when the attempt was
     * already submitted (also by a second submission of the same attempt in the batch) or its contest is frozen.
     */
    List<Boolean> markAllSubmitted(List<Marks> marks);

    /** A draft to store: the whole set of answers so far, for the attempt still held by the token. */
    record Draft(String attemptId, String tokenHash, Map<String, List<String>> answers, Instant savedAt) {
    }

    /**
     * Stores drafts in one batch, in order: true for each stored, false when the attempt was submitted meanwhile or
     * its token was replaced (a resume on another device).
     */
    List<Boolean> saveDrafts(List<Draft> drafts);

    /** Gives the attempt a new token hash if it still has {@code oldHash}; true when it did. */
    boolean replaceToken(String id, String oldHash, String newHash, String previousTokens);

    /** The person's attempt with the highest number in the contest. */
    Optional<Attempt> latest(long contestId, String phone);
}
