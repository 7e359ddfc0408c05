package org.baiti.offline;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.PreDestroy;
import org.baiti.Ids;
import org.baiti.ops.ContestMetrics;
import org.baiti.unit.UnitScope;
import org.baiti.contest.ImportResult;
import org.baiti.refusal.Refusal;
import org.baiti.sheet.RowError;
import org.baiti.sheet.Uploads;
import org.baiti.web.ApiError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.task.TaskExecutor;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

/**
 * Offline imports started from the admin page, running in the background so the page can show progress.
 * The job runs on the node that received the upload; its phase, progress and outcome are in the database
 * ({@code offline_import_job}), so the page's poll may land on any node. While it runs, the node writes the
 * progress about once a second; a job whose node stopped writing for {@link #STALE} (the node was killed or
 * stopped: the all-or-nothing import left nothing behind) is reported as failed. Jobs are forgotten a day after
 * they end. Why a job failed is kept as a {@link Refusal} (keys, not words) and worded for whoever asks, in their
 * language.
 */
@Component
@EnableConfigurationProperties(OfflineSettings.class)
public class OfflineImportJobs {

    private static final Logger log = LoggerFactory.getLogger(OfflineImportJobs.class);
    private static final Duration KEEP = Duration.ofDays(1);
    /** No progress written for this long: the node running the job is gone. */
    static final Duration STALE = Duration.ofMinutes(2);

    /** Where a job is. */
    public enum Phase { QUEUED, VALIDATE, INSERT, DONE, FAILED }

    /**
     * What the page shows: JSON of {@code GET /api/admin/imports/{jobId}}; {@code error} is in the reader's language,
     * its row errors {@link RowError.Worded} ({@code {"row", "column", "reason"}}).
     */
    public record Status(String jobId, long contestId, String fileName, String startedBy, Instant startedAt,
                         String phase, long rowsRead, long rowsTotal, boolean done, ImportResult result,
                         ApiError error) {
    }

    private final OfflineImport offlineImport;
    private final JdbcImportJobs stored;
    private final Clock clock;
    /** The jobs this node runs, until their outcome is in the database: the freshest view of their progress. */
    private final Map<String, Job> running = new ConcurrentHashMap<>();
    private final TaskExecutor executor;
    private final ScheduledFuture<?> heartbeat;
    /** A heartbeat is writing (on SQLite it may wait for the import's write transaction): the next one is skipped. */
    private final AtomicBoolean beating = new AtomicBoolean();
    private final ContestMetrics metrics;
    private final MessageSource messages;

    OfflineImportJobs(OfflineImport offlineImport, JdbcImportJobs stored, Clock clock, ContestMetrics metrics,
                      MessageSource messages, OfflineSettings settings, TaskExecutor applicationTaskExecutor,
                      TaskScheduler taskScheduler) {
        this.messages = messages;
        this.offlineImport = offlineImport;
        this.stored = stored;
        this.clock = clock;
        this.metrics = metrics;
        this.executor = applicationTaskExecutor;
        metrics.offlineImportsRunning(this::runningFigures);
        // the scheduler only starts the beat: its thread is shared, and a write may wait for SQLite's writer
        this.heartbeat = taskScheduler.scheduleWithFixedDelay(() -> {
            if (!running.isEmpty() && beating.compareAndSet(false, true)) {
                executor.execute(() -> {
                    try {
                        writeProgress();
                    } finally {
                        beating.set(false);
                    }
                });
            }
        }, Duration.ofMillis(settings.jobProgressMs()));
    }

    /** Starts importing the spooled upload; the job owns the file and deletes it when done. */
    public Status start(long contestId, String fileName, Uploads.Spooled file, String who, UnitScope scope) {
        Instant now = Instant.now(clock);
        try {
            stored.forgetBefore(now.minus(KEEP));
        } catch (RuntimeException e) {
            log.warn("Could not forget old import jobs: {}", e.toString());
        }
        Job job = new Job(Ids.token(), contestId, fileName, who, now.truncatedTo(ChronoUnit.MILLIS));
        try {
            stored.insert(job.status(), now);
        } catch (RuntimeException e) {
            file.delete();
            throw e;
        }
        running.put(job.id, job);
        executor.execute(() -> run(job, file, scope));
        return job.status();
    }

    /** The job's status, from whichever node runs (or ran) it, its error in the current request's language. */
    public Optional<Status> find(String jobId) {
        return find(jobId, LocaleContextHolder.getLocale());
    }

    /** The job's status, from whichever node runs (or ran) it, its error in {@code locale}'s words. */
    public Optional<Status> find(String jobId, Locale locale) {
        if (jobId == null) {
            return Optional.empty();
        }
        Job job = running.get(jobId);
        if (job != null) {
            return Optional.of(worded(job.status(), job.failure, locale));
        }
        return stored.find(jobId).map(s -> {
            if (!s.status().done() && s.updatedAt().isBefore(Instant.now(clock).minus(STALE))) {
                return worded(lost(s.status()), Refusal.conflict("interrupted", "import.job.interrupted"), locale);
            }
            return worded(s.status(), s.failure(), locale);
        });
    }

    /** A job whose node stopped while it ran. */
    private static Status lost(Status s) {
        return new Status(s.jobId(), s.contestId(), s.fileName(), s.startedBy(), s.startedAt(),
                Phase.FAILED.name().toLowerCase(Locale.ROOT), s.rowsRead(), s.rowsTotal(), true, null, null);
    }

    /** The status with why it failed, in {@code locale}'s words. */
    private Status worded(Status s, Refusal failure, Locale locale) {
        if (failure == null) {
            return s;
        }
        List<Object> details = failure.details().stream().map(d -> d instanceof RowError e ? e.worded(messages, locale)
                : d instanceof Refusal.Detail detail ? detail.shown(w -> messages.getMessage(w, locale)) : d).toList();
        ApiError error = new ApiError(failure.code(), messages.getMessage(failure.wording(), locale), details);
        return new Status(s.jobId(), s.contestId(), s.fileName(), s.startedBy(), s.startedAt(), s.phase(), s.rowsRead(),
                s.rowsTotal(), s.done(), s.result(), error);
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
            job.failure = e;
            job.phase = Phase.FAILED;
        } catch (RuntimeException | Error e) {
            log.error("Offline import {} failed", job.id, e);
            // not the file's fault, but what the page shows all the same: the words of the 500 answer
            job.failure = Refusal.invalid("internal_error", "error.internal_error");
            job.phase = Phase.FAILED;
        } finally {
            file.delete();
            finish(job);
        }
    }

    /** The jobs running on this node, the rows they read so far and the rows in their files (for the meters). */
    private long[] runningFigures() {
        long jobs = 0;
        long read = 0;
        long total = 0;
        for (Job job : running.values()) {
            if (!job.status().done()) {
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
            stored.finish(job.status(), job.failure, Instant.now(clock));
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
                Status s = job.status();
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
        heartbeat.cancel(false);
    }

    private static final class Job {
        final String id;
        final long contestId;
        final String fileName;
        final String who;
        final Instant startedAt;
        volatile Phase phase = Phase.QUEUED;
        volatile long rowsRead;
        volatile long rowsTotal;
        volatile ImportResult result;
        /** Why the job failed, in keys (worded for each reader). */
        volatile Refusal failure;

        Job(String id, long contestId, String fileName, String who, Instant startedAt) {
            this.id = id;
            this.contestId = contestId;
            this.fileName = fileName;
            this.who = who;
            this.startedAt = startedAt;
        }

        Status status() {
            Phase p = phase;
            return new Status(id, contestId, fileName, who, startedAt, p.name().toLowerCase(Locale.ROOT),
                    rowsRead, rowsTotal, p == Phase.DONE || p == Phase.FAILED, result, null);
        }
    }
}
