package org.baiti.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** A clock the test moves forward, to see a resend pause or a code's validity end without waiting. */
final class SmsClock extends Clock {

    private volatile Duration offset = Duration.ZERO;

    void reset() {
        offset = Duration.ZERO;
    }

    void advance(Duration d) {
        offset = offset.plus(d);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }

    @Override
    public long millis() {
        return instant().toEpochMilli();
    }

    /** Replaces the application's clock in the test's own context. */
    @TestConfiguration(proxyBeanMethods = false)
    static class Config {
        @Bean
        @Primary
        SmsClock testClock() {
            return new SmsClock();
        }
    }
}
