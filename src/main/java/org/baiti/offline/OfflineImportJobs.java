package org.baiti.offline;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;
import org.baiti.Ids;
import org.baiti.unit.UnitScope;
import org.baiti.contest.ImportResult;
import org.baiti.sheet.Uploads;
import org.baiti.web.ApiError;
import org.baiti.web.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Offline imports started from the admin page, running in the background so the page can show progress.
 * The registry lives in this node's memory: a job is only known to the node that runs it, and is
 * forgotten an hour after it ends or when the node restarts (the import itself is all-or-nothing).
 */
@Component
public class OfflineImportJobs {

    private static final Logger log = LoggerFactory.getLogger(OfflineImportJobs.class);
    private static final Duration KEEP = Duration.ofHours(1);

    /** Where a job is. */
    public enum Phase { QUEUED, VALIDATE, INSERT, DONE, FAILED }

    /** What the page shows: JSON of {@code GET /api/admin/imports/{jobId}}. */
    public record Status(String jobId, long contestId, String fileName, String startedBy, Instant startedAt,
                         String phase, long rowsRead, long rowsTotal, boolean done, ImportResult result,
                         ApiError error) {
    }

    private final OfflineImport offlineImport;
    private final Clock clock;
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private final ExecutorService executor;

    OfflineImportJobs(OfflineImport offlineImport, Clock clock) {
        this.offlineImport = offlineImport;
        this.clock = clock;
        AtomicInteger n = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "offline-import-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts importing the spooled upload; the job owns the file and deletes it when done. */
    public Status start(long contestId, String fileName, Uploads.Spooled file, String who, UnitScope scope) {
        forgetOld();
        Job job = new Job(Ids.token(), contestId, fileName, who, Instant.now(clock));
        jobs.put(job.id, job);
        executor.execute(() -> run(job, file, scope));
        return job.status();
    }

    public Optional<Status> find(String jobId) {
        Job job = jobId == null ? null : jobs.get(jobId);
        return Optional.ofNullable(job).map(Job::status);
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
        } catch (ApiException e) {
            job.error = new ApiError(e.code(), e.getMessage(), e.details());
            job.phase = Phase.FAILED;
        } catch (RuntimeException | Error e) {
            log.error("Offline import {} failed", job.id, e);
            job.error = new ApiError("internal_error", "服务器内部错误，已记录 / Internal error, it has been logged", List.of());
            job.phase = Phase.FAILED;
        } finally {
            job.endedAt = Instant.now(clock);
            file.delete();
        }
    }

    private void forgetOld() {
        Instant limit = Instant.now(clock).minus(KEEP);
        jobs.values().removeIf(j -> j.endedAt != null && j.endedAt.isBefore(limit));
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
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
        volatile ApiError error;
        volatile Instant endedAt;

        Job(String id, long contestId, String fileName, String who, Instant startedAt) {
            this.id = id;
            this.contestId = contestId;
            this.fileName = fileName;
            this.who = who;
            this.startedAt = startedAt;
        }

        Status status() {
            Phase p = phase;
            return new Status(id, contestId, fileName, who, startedAt, p.name().toLowerCase(java.util.Locale.ROOT),
                    rowsRead, rowsTotal, p == Phase.DONE || p == Phase.FAILED, result, error);
        }
    }
}
