package org.baiti.online;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One paper issued to one person, and once submitted its marks. Times are the server's; {@code durationMs} is
 * from issuing the paper to receiving the submission.
 */
record Attempt(String id, long contestId, String phone, String name, String unitCode, String topCode, int attemptNo,
               String tokenHash, Paper paper, Instant issuedAt, Instant expiresAt, Instant submittedAt,
               Long durationMs, Integer score, Integer maxScore, Double accuracy, boolean late,
               Map<String, String> answers, String clientIp,
               // the draft saved as the person answers (question id -> option ids), the resume code's hash, and the
               // hashes of the tokens a resume on another device replaced (space-separated, newest first)
               Map<String, List<String>> draft, String resumeHash, String previousTokens) {

    boolean submitted() {
        return submittedAt != null;
    }

    /** Whether {@code tokenHash} is of a token this attempt had before a resume on another device replaced it. */
    boolean replaced(String tokenHash) {
        if (previousTokens == null) {
            return false;
        }
        for (String t : previousTokens.split(" ")) {
            if (t.equals(tokenHash)) {
                return true;
            }
        }
        return false;
    }
}
