package org.baiti.ops;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The meters an operator watches on contest day (docs/operations.md lists them with their Prometheus names). They
 * are all defined here and registered once, at start: the features call one method each, and on the hot path that
 * method is an increment of a counter that already exists. Refusal reasons are the API's error codes, a short fixed
 * set; anything else is counted as {@code other}, so no request can add a time series.
 */
@Component
public class ContestMetrics {

    /** Reasons beyond this many distinct ones are counted as {@code other}. */
    private static final int MAX_REASONS = 40;

    private final MeterRegistry registry;
    private final Counter started;
    private final Counter accepted;
    private final Counter late;
    private final Map<String, Counter> startRefused = new ConcurrentHashMap<>();
    private final Map<String, Counter> submitRefused = new ConcurrentHashMap<>();
    private final Timer submitStored;
    private final Timer submitRefusedTime;
    private final Timer submitFailed;
    private final DistributionSummary batchSize;
    private final Timer queueWait;
    private final Counter retried;
    private final Counter importsDone;
    private final Counter importsFailed;
    private final Counter importRows;
    private final Counter drawsCommitted;
    private final Counter drawsRevealed;
    private final Map<String, Counter> limited = new ConcurrentHashMap<>();
    private final Counter lockoutsUser;
    private final Counter lockoutsAddress;

    ContestMetrics(MeterRegistry registry) {
        this.registry = registry;
        started = Counter.builder("baiti.starts").description("Attempts started (papers issued)").register(registry);
        accepted = Counter.builder("baiti.submissions").tag("outcome", "accepted")
                .description("Submissions stored: accepted in time, or late (stored, not ranked)").register(registry);
        late = Counter.builder("baiti.submissions").tag("outcome", "late")
                .description("Submissions stored: accepted in time, or late (stored, not ranked)").register(registry);
        for (String r : new String[] {"window_closed", "invalid_answers", "malformed_body", "unauthorized", "forbidden", "busy",
                "rate_limited"}) {
            refused(submitRefused, "baiti.submissions.refused", r);
        }
        for (String r : new String[] {"not_open", "invalid_field", "already_attempted", "not_on_roster", "invalid_code",
                "busy", "rate_limited"}) {
            refused(startRefused, "baiti.starts.refused", r);
        }
        submitStored = submitTimer("answered");
        submitRefusedTime = submitTimer("refused");
        submitFailed = submitTimer("error");
        batchSize = DistributionSummary.builder("baiti.group.commit.batch")
                .description("Writes (starts, submissions) committed together in one transaction")
                .serviceLevelObjectives(1, 2, 4, 8, 16, 32, 64, 128, 256).register(registry);
        queueWait = Timer.builder("baiti.group.commit.queue.wait")
                .description("How long a write waited in the group-commit queue before its batch began")
                .serviceLevelObjectives(ms(1), ms(5), ms(10), ms(25), ms(50), ms(100), ms(250), ms(500), ms(1000),
                        ms(5000))
                .register(registry);
        retried = Counter.builder("baiti.group.commit.retried")
                .description("Writes run again alone after their batch failed").register(registry);
        importsDone = Counter.builder("baiti.offline.imports").tag("outcome", "done")
                .description("Offline imports finished on this node").register(registry);
        importsFailed = Counter.builder("baiti.offline.imports").tag("outcome", "failed")
                .description("Offline imports finished on this node").register(registry);
        importRows = Counter.builder("baiti.offline.import.rows")
                .description("Offline result rows imported on this node").register(registry);
        drawsCommitted = Counter.builder("baiti.draws.committed").description("Draws committed").register(registry);
        drawsRevealed = Counter.builder("baiti.draws.revealed").description("Draws revealed").register(registry);
        for (String l : new String[] {"start", "submit", "code", "login", "other"}) {
            limited.put(l, Counter.builder("baiti.rate.limited").tag("limit", l)
                    .description("Requests refused with 429, by the limit that refused them").register(registry));
        }
        lockoutsUser = Counter.builder("baiti.login.lockouts").tag("key", "user")
                .description("Logins paused after too many failures, per user name or client address")
                .register(registry);
        lockoutsAddress = Counter.builder("baiti.login.lockouts").tag("key", "address")
                .description("Logins paused after too many failures, per user name or client address")
                .register(registry);
    }

    private Timer submitTimer(String outcome) {
        return Timer.builder("baiti.submit").tag("outcome", outcome)
                .description("Time to answer a submission, from the request's arrival to its answer")
                .serviceLevelObjectives(ms(5), ms(10), ms(25), ms(50), ms(100), ms(250), ms(500), ms(1000), ms(2500),
                        ms(5000), ms(10_000))
                .register(registry);
    }

    private static Duration ms(long ms) {
        return Duration.ofMillis(ms);
    }

    private Counter refused(Map<String, Counter> byReason, String name, String reason) {
        Counter c = byReason.get(reason);
        if (c != null) {
            return c;
        }
        String r = byReason.size() >= MAX_REASONS ? "other" : reason;
        return byReason.computeIfAbsent(r, k -> Counter.builder(name).tag("reason", k)
                .description("Refused, by the API's error code").register(registry));
    }

    // ---- online channel

    /** A paper was issued. */
    void started() {
        started.increment();
    }

    /** A start was refused; {@code reason} is the API's error code. */
    void startRefused(String reason) {
        refused(startRefused, "baiti.starts.refused", reason).increment();
    }

    /** A submission was stored: in time, or late (stored, not ranked). */
    public void submitted(boolean late) {
        (late ? this.late : accepted).increment();
    }

    /** A submission was refused; {@code reason} is the API's error code. */
    void submitRefused(String reason) {
        refused(submitRefused, "baiti.submissions.refused", reason).increment();
    }

    /** How long a submit request took, by what it answered (2xx, 4xx, 5xx). */
    void submitTook(long nanos, int status) {
        (status < 400 ? submitStored : status < 500 ? submitRefusedTime : submitFailed).record(nanos, TimeUnit.NANOSECONDS);
    }

    /** A request was refused with 429 by the named limit ({@code start}, {@code submit}, {@code code}, {@code login}). */
    void rateLimited(String limit) {
        limited.getOrDefault(limit, limited.get("other")).increment();
    }

    // ---- group commit

    /** A batch of {@code size} writes began; the oldest had waited {@code waitedNanos} in the queue. */
    public void groupCommitBatch(int size, long waitedNanos) {
        batchSize.record(size);
        queueWait.record(waitedNanos, TimeUnit.NANOSECONDS);
    }

    /** Writes run again alone after their batch failed. */
    public void groupCommitRetried(int writes) {
        retried.increment(writes);
    }

    /** The number of writes waiting for the group-commit writer, read when scraped (held strongly: a lambda). */
    public void groupCommitQueue(Supplier<Number> queued) {
        Gauge.builder("baiti.group.commit.queued", queued, q -> q.get().doubleValue())
                .description("Writes waiting for the group-commit writer").strongReference(true).register(registry);
    }

    // ---- offline imports

    /**
     * The offline imports running on this node, read when scraped: {@code {jobs, rows read, rows in the files}}
     * (rows in the files is 0 while a file is still being counted).
     */
    public void offlineImportsRunning(Supplier<long[]> jobsRowsReadRowsTotal) {
        Gauge.builder("baiti.offline.import.running", jobsRowsReadRowsTotal, s -> s.get()[0])
                .description("Offline imports running on this node").strongReference(true).register(registry);
        Gauge.builder("baiti.offline.import.rows.read", jobsRowsReadRowsTotal, s -> s.get()[1])
                .description("Rows read so far by the offline imports running on this node").strongReference(true)
                .register(registry);
        Gauge.builder("baiti.offline.import.progress", jobsRowsReadRowsTotal, s -> {
            long[] v = s.get();
            return v[0] == 0 ? 1.0 : v[2] <= 0 ? 0.0 : Math.min(1.0, (double) v[1] / v[2]);
        }).description("Progress of the offline imports running on this node, 0 to 1 (1 when none runs)")
                .strongReference(true).register(registry);
    }

    /** An offline import ended: done with {@code rows} rows imported, or failed (nothing imported). */
    public void offlineImportEnded(boolean done, long rows) {
        (done ? importsDone : importsFailed).increment();
        if (done) {
            importRows.increment(rows);
        }
    }

    // ---- draws and logins

    /** A draw was committed: counted when its transaction commits. */
    public void drawCommitted() {
        afterCommit(drawsCommitted);
    }

    /** A draw was revealed: counted when its transaction commits. */
    public void drawRevealed() {
        afterCommit(drawsRevealed);
    }

    /** Logins were paused for a user name ({@code byAddress} false) or a client address. */
    public void loginLockout(boolean byAddress) {
        (byAddress ? lockoutsAddress : lockoutsUser).increment();
    }

    private static void afterCommit(Counter counter) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            counter.increment();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                counter.increment();
            }
        });
    }
}
