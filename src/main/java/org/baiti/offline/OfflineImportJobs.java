package org.baiti.offline;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;
import org.baiti.Ids;
import org.baiti.ops.ContestMetrics;
import org.baiti.refusal.Refusal;
import org.baiti.unit.UnitScope;
import org.baiti.contest.ImportResult;
import org.baiti.sheet.Uploads;
import org.baiti.web.ApiError;
import org.baiti.web.ApiErrors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Offline imports started from the admin page, running in the background so the page can show progress.
 * The job runs on the node that received the upload; its phase, progress and outcome are in the database
 * ({@code offline_import_job}), so the page's poll may land on any node. While it runs, the node writes the
 * progress about once a second; a job whose node stopped writing for {@link #STALE} (the node was killed or
 * stopped: the all-or-nothing import left nothing behind) is reported as failed. Jobs are forgotten a day after
 * they end.
 *
 * <p>A failed job's refusal is worded when its status is asked for, in the language of that request; what the
 * database keeps for other nodes is worded in the language of the person who started the job.
 */
@Component
public class OfflineImportJobs {

    private static final Logger log = LoggerFactory.getLogger(OfflineImportJobs.class);
    private static final Duration KEEP = Duration.ofDays(1);
    /** No progress written for this long: the node running the job is gone. */
    static final Duration STALE = Duration.ofMinutes(2);

    /** Where a job is. */
    public enum Phase { QUEUED, VALIDATE, INSERT, DONE, FAILED }

    /** What the page shows: JSON of {@code GET /api/admin/imports/{jobId}}. */
    public record Status(String jobId, long contestId, String fileName, String startedBy, Instant startedAt,
                         String phase, long rowsRead, long rowsTotal, boolean done, ImportResult result,
                         ApiError error) {
    }

    private final OfflineImport offlineImport;
    private final JdbcImportJobs stored;
    private final Clock clock;
    /** The jobs this node runs, until their outcome is in the database: the freshest view of their progress. */
    private final Map<String, Job> running = new ConcurrentHashMap<>();
    private final ExecutorService executor;
    private final ScheduledExecutorService heartbeat;
    private final ContestMetrics metrics;
    private final ApiErrors errors;
    /** The refusals of the jobs this node ran, to word them in each request's language until the jobs are forgotten. */
    private final Map<String, Failed> failed = new ConcurrentHashMap<>();

    private record Failed(Refusal refusal, Instant at) {
    }

    OfflineImportJobs(OfflineImport offlineImport, JdbcImportJobs stored, Clock clock, ContestMetrics metrics,
                      ApiErrors errors, @Value("${baiti.offline.job-progress-ms:1000}") long progressEveryMs) {
        this.errors = errors;
        this.offlineImport = offlineImport;
        this.stored = stored;
        this.clock = clock;
        this.metrics = metrics;
        metrics.offlineImportsRunning(this::runningFigures);
        AtomicInteger n = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "offline-import-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "offline-import-progress");
            t.setDaemon(true);
            return t;
        });
        heartbeat.scheduleWithFixedDelay(this::writeProgress, progressEveryMs, progressEveryMs, TimeUnit.MILLISECONDS);
    }

    /** Starts importing the spooled upload; the job owns the file and deletes it when done. */
    public Status start(long contestId, String fileName, Uploads.Spooled file, String who, UnitScope scope) {
        Instant now = Instant.now(clock);
        try {
            stored.forgetBefore(now.minus(KEEP));
        } catch (RuntimeException e) {
            log.warn("Could not forget old import jobs: {}", e.toString());
        }
        failed.values().removeIf(f -> f.at().isBefore(now.minus(KEEP)));
        Job job = new Job(Ids.token(), contestId, fileName, who, now.truncatedTo(ChronoUnit.MILLIS), locale());
        try {
            stored.insert(job.status(job.locale), now);
        } catch (RuntimeException e) {
            file.delete();
            throw e;
        }
        running.put(job.id, job);
        executor.execute(() -> run(job, file, scope));
        return job.status(job.locale);
    }

    /** The job's status, from whichever node runs (or ran) it; a failure worded in the request's language. */
    public Optional<Status> find(String jobId) {
        if (jobId == null) {
            return Optional.empty();
        }
        Locale locale = locale();
        Job job = running.get(jobId);
        if (job != null) {
            return Optional.of(job.status(locale));
        }
        return stored.find(jobId).map(s -> {
            if (!s.status().done() && s.updatedAt().isBefore(Instant.now(clock).minus(STALE))) {
                return lost(s.status(), locale);
            }
            Failed f = failed.get(jobId);
            return f == null ? s.status() : withError(s.status(), errors.words(f.refusal(), locale));
        });
    }

    /** A job whose node stopped while it ran. */
    private Status lost(Status s, Locale locale) {
        return withError(new Status(s.jobId(), s.contestId(), s.fileName(), s.startedBy(), s.startedAt(),
                Phase.FAILED.name().toLowerCase(Locale.ROOT), s.rowsRead(), s.rowsTotal(), true, null, null),
                errors.words(Refusal.conflict("interrupted", "refusal.import.interrupted"), locale));
    }

    private static Status withError(Status s, ApiError error) {
        return new Status(s.jobId(), s.contestId(), s.fileName(), s.startedBy(), s.startedAt(), s.phase(), s.rowsRead(),
                s.rowsTotal(), s.done(), s.result(), error);
    }

    /** The language of the request being answered (Chinese outside a request). */
    private static Locale locale() {
        LocaleContext context = LocaleContextHolder.getLocaleContext();
        return context == null || context.getLocale() == null ? Locale.SIMPLIFIED_CHINESE : context.getLocale();
    }

    private void run(Job job, Uploads.Spooled file, UnitScope scope) {
        try {
            ImportResult r = offlineImport.importFile(job.contestId, job.fileName, file.path(), file.sha256(), job.who,
                    scope, (phase, rowsRead, rowsTotal) -> {
                        job.phase = phase == ImportProgress.Phase.VALIDATE ? Phase.VALIDATE : Phase.INSERT;
                        job.rowsRead = rowsRead;
                        job.rowsTotal = rowsTotal;
                    });
            job.result = r;
            job.phase = Phase.DONE;
        } catch (Refusal e) {
            fail(job, e);
        } catch (RuntimeException | Error e) {
            log.error("Offline import {} failed", job.id, e);
            // only its words are shown, in the job's status
            fail(job, Refusal.of(Refusal.Kind.UNAVAILABLE, "internal_error", "error.internal_error"));
        } finally {
            file.delete();
            finish(job);
        }
    }

    private void fail(Job job, Refusal refusal) {
        failed.put(job.id, new Failed(refusal, Instant.now(clock)));
        job.failure = refusal;
        job.phase = Phase.FAILED;
    }

    /** The jobs running on this node, the rows they read so far and the rows in their files (for the meters). */
    private long[] runningFigures() {
        long jobs = 0;
        long read = 0;
        long total = 0;
        for (Job job : running.values()) {
            if (!job.done()) {
                jobs++;
                read += job.rowsRead;
                total += job.rowsTotal;
            }
        }
        return new long[] {jobs, read, total};
    }

    /** Writes the outcome; the job stays in this node's memory until that has worked (retried with the heartbeat). */
    private boolean finish(Job job) {
        try {
            stored.finish(job.status(job.locale), Instant.now(clock));
            running.remove(job.id);
            return true;
        } catch (RuntimeException e) {
            log.warn("Could not store the outcome of import job {} yet: {}", job.id, e.toString());
            return false;
        }
    }

    /** The heartbeat: the progress of every job this node runs, and outcomes not stored yet. */
    private void writeProgress() {
        for (Job job : running.values()) {
            try {
                Status s = job.status(job.locale);
                if (s.done()) {
                    finish(job);
                } else {
                    stored.progress(job.id, s.phase(), s.rowsRead(), s.rowsTotal(), Instant.now(clock));
                }
            } catch (RuntimeException e) {
                // SQLite: the import's own write transaction holds the file; the next beat tries again.
                log.debug("Could not write the progress of import job {}: {}", job.id, e.toString());
            }
        }
    }

    @PreDestroy
    void stop() {
        heartbeat.shutdownNow();
        executor.shutdownNow();
    }

    private final class Job {
        final String id;
        final long contestId;
        final String fileName;
        final String who;
        final Instant startedAt;
        /** The language of the person who started it: its failure is stored worded so. */
        final Locale locale;
        volatile Phase phase = Phase.QUEUED;
        volatile long rowsRead;
        volatile long rowsTotal;
        volatile ImportResult result;
        volatile Refusal failure;

        Job(String id, long contestId, String fileName, String who, Instant startedAt, Locale locale) {
            this.id = id;
            this.contestId = contestId;
            this.fileName = fileName;
            this.who = who;
            this.startedAt = startedAt;
            this.locale = locale;
        }

        boolean done() {
            Phase p = phase;
            return p == Phase.DONE || p == Phase.FAILED;
        }

        /** The status, a failure worded in {@code language}. */
        Status status(Locale language) {
            Phase p = phase;
            Refusal f = failure;
            return new Status(id, contestId, fileName, who, startedAt, p.name().toLowerCase(Locale.ROOT),
                    rowsRead, rowsTotal, p == Phase.DONE || p == Phase.FAILED, result,
                    f == null ? null : errors.words(f, language));
        }
    }
}
