package org.baiti.anticheat;

import java.time.Instant;

/** One signal of one attempt: its kind, when it was last seen, a count (page hides) and details (JSON). */
public record Signal(String attemptId, long contestId, Kind kind, Instant at, int count, String detail) {

    /** What was noticed. */
    public enum Kind {
        /** The page reported that it was hidden (another tab or app) while the paper was open. */
        PAGE_HIDDEN("page_hidden"),
        /** Submitted faster than {@code baiti.anticheat.min-ms-per-question} per question. */
        TOO_FAST("too_fast"),
        /** More attempts of the contest from one address for one unit than the larger of {@code baiti.anticheat.max-attempts-per-address} and the unit's headcount. */
        MANY_ATTEMPTS_FROM_ADDRESS("many_attempts_from_address");

        private final String code;

        Kind(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }

        public static Kind of(String code) {
            for (Kind k : values()) {
                if (k.code.equals(code)) {
                    return k;
                }
            }
            throw new IllegalArgumentException(code);
        }
    }
}
