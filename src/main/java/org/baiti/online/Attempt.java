package org.baiti.online;

import java.time.Instant;
import java.util.Map;

/**
 * One paper issued to one person, and once submitted its marks. Times are the server's; {@code durationMs} is
 * from issuing the paper to receiving the submission.
 */
record Attempt(String id, long contestId, String phone, String name, String unitCode, String topCode, int attemptNo,
               String tokenHash, Paper paper, Instant issuedAt, Instant expiresAt, Instant submittedAt,
               Long durationMs, Integer score, Integer maxScore, Double accuracy, boolean late,
               Map<String, String> answers, String clientIp) {

    boolean submitted() {
        return submittedAt != null;
    }
}
