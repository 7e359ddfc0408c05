package org.baiti.security;

import java.time.Duration;
import java.util.Locale;

import org.baiti.testing.Slice;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The login throttle's table (what {@link LoginProtectionContract} drives through the login): counts per name and per
 * address, locks, and the hourly clean-up. A JDBC slice on both databases, the clock moved instead of waited for.
 */
interface LoginThrottleContract extends Slice {

    String ADDRESS = "192.0.2.7";

    private LoginThrottle throttle() {
        return bean(LoginThrottle.class);
    }

    private long rows(String keyPattern) {
        return jdbc().sql("SELECT COUNT(*) FROM login_throttle WHERE throttle_key LIKE ?").param(keyPattern)
                .query(Long.class).single();
    }

    @Test
    default void fiveFailuresLockTheNameForAQuarterOfAnHourAndOnlyThatName() {
        String name = "Judge" + System.nanoTime();
        for (int i = 0; i < 4; i++) {
            throttle().failed(name, null);
        }
        assertThat(throttle().lockedFor(name, null)).as("four failures").isEmpty();
        throttle().failed(name, null);
        assertThat(throttle().lockedFor(name.toLowerCase(Locale.ROOT), null)).as("names are one without case")
                .hasValueSatisfying(d -> assertThat(d).isGreaterThan(Duration.ofMinutes(14)).isLessThanOrEqualTo(Duration.ofMinutes(15)));
        assertThat(throttle().lockedFor("other" + name, null)).isEmpty();
        clock().advance(Duration.ofMinutes(15).plusSeconds(1));
        assertThat(throttle().lockedFor(name, null)).as("the lock ended").isEmpty();
    }

    @Test
    default void failuresFromOneAddressLockThatAddressForEveryName() {
        String address = "198.51.100." + (System.nanoTime() % 200);
        for (int i = 0; i < 5; i++) {
            throttle().failed("name" + i + System.nanoTime(), address);
        }
        assertThat(throttle().lockedFor("someone-else", address)).isPresent();
        assertThat(throttle().lockedFor("someone-else", ADDRESS)).isEmpty();
    }

    /** Old counts and ended locks are forgotten, so the table does not grow with every name ever tried. */
    @Test
    default void oldThrottleRowsAreForgottenButLiveLocksStay() {
        String ghost = "ghost" + System.nanoTime() + "-";
        for (int i = 0; i < 3; i++) {
            throttle().failed(ghost + i, ADDRESS);
        }
        String member = "judge" + System.nanoTime();
        for (int i = 0; i < 5; i++) {
            throttle().failed(member, ADDRESS);
        }
        assertThat(rows("user:" + ghost + "%")).isEqualTo(3);
        clock().advance(Duration.ofMinutes(15).plusSeconds(1));
        throttle().failed(member, ADDRESS); // a fresh failure: its lock is live again soon
        throttle().forgetOld();
        assertThat(rows("user:" + ghost + "%")).as("counts whose window passed").isZero();
        assertThat(rows("user:" + member)).as("a count still in its window stays").isEqualTo(1);
    }
}
