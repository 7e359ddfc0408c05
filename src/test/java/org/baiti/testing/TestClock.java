package org.baiti.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The application's clock in a test that needs time to pass without waiting for it: a time limit running out, a
 * login lock or a resend pause ending, a window closing.
 *
 * <p>It runs with the real clock, shifted forward by what the test {@link #advance advanced}, so the durations the
 * application measures between two requests stay real ones; {@link #stop} stops it where it is, for a test that
 * wants exact times, and {@link #advance} then moves the stopped instant. It never goes back (but for
 * {@link #reset}), because the application has stored times read from it: a lock that had ended would hold again.
 *
 * <p>A test class takes it with {@code @Import(TestClock.Config.class)} and reads it with {@link App#clock()}. The
 * classes that import it share one application (one per database); a class that moves the clock further than a few
 * seconds, or stops it, has {@code @DirtiesContext} so that its application is not used after it.
 */
public final class TestClock extends Clock {

    private volatile Duration offset = Duration.ZERO;
    private volatile Instant stopped;

    /** Moves the clock forward: the running clock's shift grows, a stopped clock's instant moves. */
    public synchronized void advance(Duration d) {
        if (d.isNegative()) {
            throw new IllegalArgumentException("the test clock only moves forward: " + d);
        }
        if (stopped != null) {
            stopped = stopped.plus(d);
        } else {
            offset = offset.plus(d);
        }
    }

    /** Stops the clock at the instant it shows now (a stopped clock stays where it is). */
    public synchronized void stop() {
        if (stopped == null) {
            stopped = Instant.now().plus(offset);
        }
    }

    /** Back to the real clock, running and not shifted: only in a class that has its application to itself. */
    public synchronized void reset() {
        stopped = null;
        offset = Duration.ZERO;
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
        Instant at = stopped;
        return at != null ? at : Instant.now().plus(offset);
    }

    @Override
    public long millis() {
        return instant().toEpochMilli();
    }

    /** Makes a {@link TestClock} the application's clock in the test's context. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Config {
        @Bean
        @Primary
        TestClock testClock() {
            return new TestClock();
        }
    }
}
