package org.baiti.online;

import java.util.List;

import org.baiti.web.ApiException;
import org.springframework.http.HttpStatus;

/** {@code 429 rate_limited}: too many requests; {@code Retry-After} says in how many seconds to try again. */
class RateLimited extends ApiException {

    private final long seconds;

    RateLimited(long seconds) {
        super(HttpStatus.TOO_MANY_REQUESTS, "rate_limited", message(seconds), List.of());
        this.seconds = seconds;
    }

    long seconds() {
        return seconds;
    }

    static String message(long seconds) {
        return "请求过于频繁，请 " + seconds + " 秒后再试 / Too many requests; try again in " + seconds + " s";
    }
}
