package org.baiti.web;

/** {@code 429 rate_limited}: too many requests; answered with {@code Retry-After} and the wait in the message. */
public class TooManyRequests extends RuntimeException {

    private final long seconds;

    public TooManyRequests(long seconds) {
        super("rate limited for " + seconds + " s", null, false, false);
        this.seconds = seconds;
    }

    public long seconds() {
        return seconds;
    }
}
