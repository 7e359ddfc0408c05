package org.baiti.security;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Token buckets per client address and kind of participant request (starting an attempt, submitting, asking for a
 * one-time code). In memory: with several nodes each node counts on its own (docs/security.md).
 */
@Component
class RateLimiter {

    /** The participant requests that are limited. */
    enum Kind { START, SUBMIT, CODE }

    private static final int MAX_BUCKETS = 200_000;

    private final Clock clock;
    private final Map<Kind, Integer> perMinute;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    RateLimiter(Clock clock,
                @Value("${baiti.rate-limit.start-per-minute:30}") int start,
                @Value("${baiti.rate-limit.submit-per-minute:60}") int submit,
                @Value("${baiti.rate-limit.code-per-minute:5}") int code) {
        this.clock = clock;
        this.perMinute = Map.of(Kind.START, start, Kind.SUBMIT, submit, Kind.CODE, code);
    }

    /** Takes a token: 0 when the request may go ahead, otherwise the seconds until one is free. */
    long acquire(Kind kind, String address) {
        int limit = perMinute.get(kind);
        if (limit <= 0) {
            return 0; // 0 or less switches the limit off
        }
        long now = clock.millis();
        if (buckets.size() > MAX_BUCKETS) {
            // Forget buckets that have filled up again: they hold nothing a new bucket would not.
            buckets.values().removeIf(b -> b.fullAt(now));
        }
        Bucket b = buckets.computeIfAbsent(kind + " " + address, k -> new Bucket(limit, now));
        return b.take(now);
    }

    /** A bucket of {@code capacity} tokens that refills at {@code capacity} per minute. */
    private static final class Bucket {
        private final int capacity;
        private final double perMs;
        private double tokens;
        private long last;

        Bucket(int capacity, long now) {
            this.capacity = capacity;
            this.perMs = capacity / 60_000.0;
            this.tokens = capacity;
            this.last = now;
        }

        synchronized long take(long now) {
            refill(now);
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return Math.max(1, (long) Math.ceil((1 - tokens) / perMs / 1000.0));
        }

        synchronized boolean fullAt(long now) {
            refill(now);
            return tokens >= capacity;
        }

        private void refill(long now) {
            if (now > last) {
                tokens = Math.min(capacity, tokens + (now - last) * perMs);
                last = now;
            }
        }
    }
}
