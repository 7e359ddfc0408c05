package org.baiti.online;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The JSON the participant API answers with (docs/api.md, plus fields the page needs). */
final class AttemptViews {

    private AttemptViews() {
    }

    /** An option as the browser sees it: the attempt's own id and the text, never the letter. */
    record OptionView(String id, String text) {
    }

    /** A question of the paper: the bank's 题号 as id, type single / multiple / truefalse, no key. */
    record QuestionView(String id, String type, String stem, int points, List<OptionView> options) {
    }

    /** {@code 201} of {@code POST /api/contests/{id}/attempts}. */
    record Started(String attemptId, String token, Instant issuedAt, Instant expiresAt, Instant serverTime,
                   List<QuestionView> questions, String resumeCode) {
    }

    /**
     * The answer to a submission: the four docs/api.md fields, the server's submission time (for checking the order of
     * ties), whether it came late, the person's current rank, and a message when there is something to say.
     */
    record Result(int score, int maxScore, double accuracy, long durationMs, Instant submittedAt, boolean late,
                  boolean counted, Long rank, String message, boolean timeUp) {
    }

    /** After the contest closed: the key and explanation of a question, and what the person chose. */
    record Review(String id, List<String> correct, List<String> chosen, boolean right, String explanation) {
    }

    /** {@code GET /api/attempts/{id}}: the paper again (to resume), and the result once submitted. */
    record AttemptView(String attemptId, long contestId, String contestName, String name, String unit,
                       Instant issuedAt, Instant expiresAt, Instant serverTime, boolean submitted,
                       List<QuestionView> questions, Result result, List<Review> review,
                       Map<String, List<String>> answers) {
    }

    /**
     * {@code 200} of {@code POST /api/contests/{id}/attempts/resume}: the same attempt with its draft and a new token
     * (docs/api.md), the paper, and the result once submitted; time still counts from {@code issuedAt}.
     */
    record Resumed(String attemptId, String token, Instant issuedAt, Instant expiresAt, Instant serverTime,
                   List<QuestionView> questions, Map<String, List<String>> answers, boolean submitted,
                   Result result, String name, String unit) {
    }

    /** {@code 200} of {@code PUT /api/attempts/{id}/answers}. */
    record DraftSaved(boolean saved, int answered, Instant savedAt) {
    }

    /** {@code GET /api/contests/{id}}: what a participant needs before starting. */
    record ContestInfo(long id, String name, Instant opensAt, Instant closesAt, int questionsPerPaper,
                       int timeLimitSeconds, int attemptsAllowed, boolean open, Instant serverTime) {
    }
}
