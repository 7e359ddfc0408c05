package org.baiti.web;

import java.util.List;

import org.springframework.http.HttpStatus;

/** {@code 429 rate_limited}: too many requests; answered with {@code Retry-After} and the wait in the message. */
public class TooManyRequests extends ApiException {

    private final long seconds;

    public TooManyRequests(long seconds) {
        super(HttpStatus.TOO_MANY_REQUESTS, "rate_limited", "rate limited for " + seconds + " s", List.of());
        this.seconds = seconds;
    }

    public long seconds() {
        return seconds;
    }
}
