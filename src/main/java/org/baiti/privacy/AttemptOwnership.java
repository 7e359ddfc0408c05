package org.baiti.privacy;

/**
 * Whether a person proves an attempt is theirs with its resume code — implemented by the online channel, which owns
 * attempts and their codes (a dependency turned around: the online channel uses this feature for consent).
 */
public interface AttemptOwnership {

    /**
     * Whether {@code resumeCode} is the code of the latest attempt of {@code phone} (normalized) in the contest; a wrong
     * code counts against the phone as a wrong code at a resume does, and a phone that guessed too often is refused.
     */
    boolean provenByResumeCode(long contestId, String phone, String resumeCode);
}
