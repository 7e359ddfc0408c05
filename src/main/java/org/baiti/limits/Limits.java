package org.baiti.limits;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import org.baiti.Dialect;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Named token buckets (Bucket4j). On PostgreSQL every bucket is a row of {@code rate_limit_bucket}, taken with
 * {@code SELECT … FOR UPDATE}: all nodes draw from the same bucket, so {@code k} nodes do not give {@code k} times the
 * limit. On SQLite (one node) the buckets are Bucket4j's in-memory ones. A bucket is named by its key and its rate, so
 * a contest whose limit changes starts on a fresh bucket.
 *
 * <p>Failures are counted in a bucket too ({@link #fail}); once it is empty, the key is refused on this node
 * ({@link #blockedFor}, no database read) until the bucket has a token again. Another node refuses the key from its own
 * next failure on, which it counts in the same shared bucket.
 */
@Component
@EnableConfigurationProperties(RateLimitSettings.class)
public class Limits {

    private static final Logger log = LoggerFactory.getLogger(Limits.class);
    private static final int MAX_KEPT = 100_000;

    /** {@code tokens} per {@code period}, refilled gradually; at most {@code tokens} at once. 0 or less: no limit. */
    public record Rate(long tokens, Duration period) {

        public static Rate perMinute(long tokens) {
            return new Rate(tokens, Duration.ofMinutes(1));
        }

        public static Rate perHour(long tokens) {
            return new Rate(tokens, Duration.ofHours(1));
        }

        boolean off() {
            return tokens <= 0;
        }

        String name() {
            return tokens + "/" + period.toSeconds();
        }
    }

    private final PostgreSQLSelectForUpdateBasedProxyManager<String> shared;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final Map<String, Long> blockedUntil = new ConcurrentHashMap<>();
    private final TimeMeter time;

    Limits(Dialect dialect, DataSource dataSource, Clock clock) {
        // the application's clock (tests move it instead of waiting for a bucket to refill)
        this.time = new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                Instant now = clock.instant();
                return now.getEpochSecond() * 1_000_000_000L + now.getNano();
            }

            @Override
            public boolean isWallClockBased() {
                return true;
            }
        };
        if (dialect == Dialect.POSTGRESQL) {
            this.shared = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                    .primaryKeyMapper(PrimaryKeyMapper.STRING)
                    .clientClock(time)
                    .table("rate_limit_bucket").idColumn("id").stateColumn("state").expiresAtColumn("expires_at")
                    // a row is worth keeping only until its bucket is full again
                    .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10)))
                    .build();
        } else {
            this.shared = null;
        }
    }

    /**
     * Takes a token from the bucket {@code key} at {@code rate}.
     *
     * @return 0 when the request may go ahead, otherwise the seconds until a token is free (at least 1)
     */
    public long take(String key, Rate rate) {
        if (rate.off()) {
            return 0;
        }
        ConsumptionProbe probe = bucket(key, rate).tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? 0 : seconds(probe.getNanosToWaitForRefill());
    }

    /** Seconds for which this node refuses {@code key} after too many failures; 0 when it does not. */
    public long blockedFor(String key) {
        Long until = blockedUntil.get(key);
        if (until == null) {
            return 0;
        }
        long left = until - time.currentTimeNanos();
        if (left <= 0) {
            blockedUntil.remove(key, until);
            return 0;
        }
        return seconds(left);
    }

    /** Counts a failure of {@code key}; once its bucket is empty, the key is refused until a token is back. */
    public void fail(String key, Rate rate) {
        if (rate.off()) {
            return;
        }
        ConsumptionProbe probe = bucket("fail " + key, rate).tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            if (blockedUntil.size() > MAX_KEPT) {
                blockedUntil.clear();
            }
            blockedUntil.put(key, time.currentTimeNanos() + Math.max(probe.getNanosToWaitForRefill(), 1_000_000_000L));
        }
    }

    /** Whether the buckets are shared by every node (PostgreSQL) rather than kept in this node's memory. */
    public boolean sharedByNodes() {
        return shared != null;
    }

    private Bucket bucket(String key, Rate rate) {
        String name = key + " @" + rate.name();
        Bucket b = buckets.get(name);
        if (b != null) {
            return b;
        }
        if (buckets.size() > MAX_KEPT) {
            // In memory the bucket is the state: forget only the full ones (a new bucket would be the same).
            // Shared buckets live in the database; the objects here only batch the requests of this node.
            buckets.entrySet().removeIf(e -> shared != null
                    || e.getValue().getAvailableTokens() >= tokensOf(e.getKey()));
        }
        BucketConfiguration config = BucketConfiguration.builder()
                .addLimit(Bandwidth.builder().capacity(rate.tokens()).refillGreedy(rate.tokens(), rate.period()).build())
                .build();
        Bucket created = shared != null
                ? shared.builder().withOptimization(Optimizations.batching()).build(name, () -> config)
                : Bucket.builder().addLimit(config.getBandwidths()[0]).withCustomTimePrecision(time).build();
        Bucket raced = buckets.putIfAbsent(name, created);
        return raced != null ? raced : created;
    }

    private static long tokensOf(String name) {
        String rate = name.substring(name.lastIndexOf(" @") + 2);
        return Long.parseLong(rate.substring(0, rate.indexOf('/')));
    }

    /** Every minute on PostgreSQL: deletes the rows of buckets that are full again (Bucket4j's expiry). */
    @Scheduled(initialDelay = 1, fixedDelay = 1, timeUnit = TimeUnit.MINUTES)
    void removeExpired() {
        if (shared == null) {
            return;
        }
        try {
            int removed;
            do {
                removed = shared.removeExpired(1000);
            } while (removed >= 1000);
        } catch (RuntimeException e) {
            log.warn("Could not remove expired rate-limit buckets", e);
        }
    }

    private static long seconds(long nanos) {
        return Math.max(1, TimeUnit.NANOSECONDS.toSeconds(nanos + 999_999_999L));
    }
}
