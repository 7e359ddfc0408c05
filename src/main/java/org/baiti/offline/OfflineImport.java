package org.baiti.offline;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.baiti.Ids;
import org.baiti.ops.ContestMetrics;
import org.baiti.audit.AuditLog;
import org.baiti.bank.Questions;
import org.baiti.contest.Contest;
import org.baiti.contest.Contesting;
import org.baiti.contest.ImportLog;
import org.baiti.contest.ImportResult;
import org.baiti.refusal.Refusal;
import org.baiti.sheet.Column;
import org.baiti.sheet.RowError;
import org.baiti.sheet.SheetException;
import org.baiti.sheet.SheetReader;
import org.baiti.sheet.SheetRow;
import org.baiti.sheet.Uploads;
import org.baiti.unit.UnitScope;
import org.baiti.unit.UnitScopes;
import org.baiti.unit.Units;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports offline results (SPEC §2.3): all rows or none, the same file twice changes nothing, a later
 * file may add rows. Two passes: the first streams the file and checks every row, keeping the tickets seen
 * in memory and the checked rows in a temporary file ({@link CheckedRows}); the second, only for a clean
 * file, writes those rows in batches inside one transaction. Each pass runs on two threads (reading and
 * checking, or reading back and inserting) joined by a small bounded queue ({@link Pipeline}). A contest without
 * results yet (its first, usually largest, import) is done in one pass on three threads inside the transaction:
 * read, check, insert, rolled back when any row is bad. Memory does not grow with the rows except for the ticket set.
 */
@Service
@SuppressWarnings("unchecked")
public class OfflineImport {

    /** Log kind of these imports in {@link ImportLog}. */
    public static final String KIND = "offline";

    /** At most this many errors are listed; a file with more says how many were left out. */
    static final int MAX_LISTED_ERRORS = 10_000;

    static final List<Column> COLUMNS = List.of(
            Column.required("ticket", "准考证号", "ticket"),
            Column.required("name", "姓名", "name"),
            Column.required("phone", "手机号", "phone"),
            Column.required("unit", "单位编码", "unit"),
            Column.optional("score", "得分", "score"),
            Column.optional("answers", "答案", "answers"),
            Column.optional("venue", "考场", "venue"));

    /** Rows per call of {@link OfflineResults#insertNew}. */
    static final int BATCH = 1_000;
    /** Rows per hand-over from the reading thread to the checking thread. */
    private static final int HANDOVER = 256;
    private static final int CHECK_CHUNK = 500;
    private static final int PROGRESS_EVERY = 1_000;

    private final Contesting contesting;
    private final Questions questions;
    private final Units units;
    private final OfflineResults results;
    private final ImportLog importLog;
    private final TransactionTemplate tx;
    private final Clock clock;
    /** One writing pass at a time on this node: SQLite has one writer anyway, and it keeps imports from racing. */
    private final ReentrantLock writing = new ReentrantLock(true);

    private final UnitScopes scopes;
    private final AuditLog audit;
    private final ContestMetrics metrics;

    OfflineImport(Contesting contesting, Questions questions, Units units, OfflineResults results, ImportLog importLog,
                  PlatformTransactionManager transactions, Clock clock, UnitScopes scopes, AuditLog audit,
                  ContestMetrics metrics) {
        this.metrics = metrics;
        this.scopes = scopes;
        this.audit = audit;
        this.contesting = contesting;
        this.questions = questions;
        this.units = units;
        this.results = results;
        this.importLog = importLog;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /**
     * Imports an uploaded stream (spooled to a temporary file, deleted afterwards) for the signed-in account: a
     * coordinator only rows of its own unit and the units below.
     */
    public ImportResult importFile(long contestId, String fileName, InputStream in, String who, ImportProgress progress) {
        Contest contest = contesting.get(contestId);
        UnitScope scope = scopes.current(contestId);
        contesting.requireNotFrozen(contest);
        Uploads.Spooled file = Uploads.spool(in);
        try {
            return importFile(contestId, fileName, file.path(), file.sha256(), who, scope, progress);
        } finally {
            file.delete();
        }
    }

    /** Imports a file on disk (the command line), named in the log by its file name. */
    public ImportResult importFile(long contestId, Path file, String who, ImportProgress progress) {
        // hashed beside the import (another 50 MB read), needed only when the import is logged
        java.util.concurrent.FutureTask<String> hash = new java.util.concurrent.FutureTask<>(() -> sha256(file));
        Thread hashing = new Thread(hash, "offline-import-sha256");
        hashing.setDaemon(true);
        hashing.start();
        try {
            return importFile(contestId, String.valueOf(file.getFileName()), file, () -> result(hash), who,
                    scopes.current(contestId), progress);
        } finally {
            hash.cancel(true);
        }
    }

    /**
     * Checks every row, then writes them; a file with any bad row imports nothing. A row whose unit is outside
     * {@code scope} (a coordinator's units, decided in the request's thread) is a bad row.
     *
     * @throws Refusal {@code invalid_file} with every bad row, {@code empty_file}, {@code no_bank}, {@code changed}
     *                 (another import or a unit change meanwhile); and the contest's own refusals (none, frozen)
     */
    public ImportResult importFile(long contestId, String fileName, Path file, String sha256, String who,
                                   UnitScope scope, ImportProgress progress) {
        return importFile(contestId, fileName, file, () -> sha256, who, scope, progress);
    }

    private ImportResult importFile(long contestId, String fileName, Path file, Supplier<String> sha256, String who,
                                    UnitScope scope, ImportProgress progress) {
        boolean done = false;
        ImportResult result = null;
        try {
            result = importNow(contestId, fileName, file, sha256, who, scope, progress);
            done = true;
            return result;
        } finally {
            metrics.offlineImportEnded(done, result == null ? 0 : result.imported());
        }
    }

    private ImportResult importNow(long contestId, String fileName, Path file, Supplier<String> sha256, String who,
                                   UnitScope scope, ImportProgress progress) {
        Contest contest = contesting.get(contestId);
        contesting.requireNotFrozen(contest);
        OfflineRules.Paper paper = new OfflineRules.Paper(
                questions.firstN(contestId, contest.questionsPerPaper()), contest.partialCredit());
        if (paper.questions().isEmpty() || paper.maxScore() == 0) {
            throw Refusal.invalid("no_bank", "import.no_bank");
        }
        OfflineRules.UnitIndex unitIndex = new OfflineRules.UnitIndex(units.all(contestId));

        boolean anyStored = results.count(contestId) > 0;
        if (!anyStored) {
            // Nothing of this contest stored yet: check and insert at once, in one transaction (rolled back if
            // any row is bad), instead of checking everything first.
            writing.lock();
            try {
                return tx.execute(status -> checkAndInsert(contestId, fileName, file, sha256, who, scope, paper,
                        unitIndex, progress));
            } finally {
                writing.unlock();
            }
        }
        try (CheckedRows checked = CheckedRows.create()) {
            Validation v = validate(contestId, file, paper, unitIndex, scope, checked, progress);
            rejectIfBad(v);
            long added = v.rows - v.unchanged;
            if (added == 0) {
                return new ImportResult(v.rows, 0, 0);
            }
            checked.finishWriting();
            writing.lock();
            try {
                return tx.execute(status -> insert(contestId, fileName, sha256, who, checked, v.rows, added, progress));
            } finally {
                writing.unlock();
            }
        }
    }

    /** Refuses a file with bad rows, listing them (sorted, at most {@link #MAX_LISTED_ERRORS}), or without rows. */
    private static void rejectIfBad(Validation v) {
        if (v.errorCount > 0) {
            List<RowError> listed = new ArrayList<>(v.errors);
            listed.sort(Comparator.comparingInt(RowError::row));
            if (v.errorCount > listed.size()) {
                long more = v.errorCount - listed.size();
                listed.add(RowError.file("row.more_errors", more, MAX_LISTED_ERRORS));
            }
            throw Refusal.invalid("invalid_file", "import.errors", v.errorCount).withDetails(listed);
        }
        if (v.rows == 0) {
            throw Refusal.invalid("empty_file", "import.empty_file");
        }
    }

    /** What the first pass learned. */
    private static final class Validation {
        final List<RowError> errors = new ArrayList<>();
        long errorCount;
        int rows;
        int unchanged;

        void error(RowError e) {
            errorCount++;
            if (errors.size() < MAX_LISTED_ERRORS) {
                errors.add(e);
            }
        }
    }

    /** Checks rows one after the other on one thread: the rules, the account's units, tickets twice in the file. */
    private static final class RowChecker {
        final Validation v = new Validation();
        private final Map<String, Integer> firstRow = new HashMap<>();
        private final OfflineRules.Paper paper;
        private final OfflineRules.UnitIndex unitIndex;
        private final UnitScope scope;

        RowChecker(OfflineRules.Paper paper, OfflineRules.UnitIndex unitIndex, UnitScope scope) {
            this.paper = paper;
            this.unitIndex = unitIndex;
            this.scope = scope;
        }

        /** The row's result, or null when it is bad (its errors are in {@link #v}). */
        OfflineResult check(OfflineRules.Row row) {
            v.rows++;
            OfflineRules.Checked c = OfflineRules.check(row, paper, unitIndex);
            c.errors().forEach(v::error);
            if (c.result() != null && !scope.covers(c.result().unitCode())) {
                v.error(RowError.of(row.rowNumber(), OfflineRules.UNIT, "row.unit.not_yours"));
                return null;
            }
            String ticket = row.ticket();
            if (!ticket.isEmpty()) {
                Integer before = firstRow.putIfAbsent(ticket, row.rowNumber());
                if (before != null) {
                    v.error(RowError.of(row.rowNumber(), OfflineRules.TICKET, "row.offline.duplicate_ticket",
                            String.valueOf(before)));
                    return null;
                }
            }
            return c.result();
        }
    }

    /** Checked rows handed from the checking thread to the inserting one. */
    private record CheckedBatch(List<OfflineResult> good, int rowsChecked, boolean anyBad) {
    }

    /**
     * A contest without offline results: one pass on three threads, all inside the import's transaction. The file
     * is read and decoded on one thread, its rows checked on a second, and this thread inserts each batch of good
     * rows as it comes; after the first bad row nothing more is inserted, but every row is still checked, and a
     * file with any bad row rolls the transaction back, so nothing of it is stored. When the rows added reach
     * {@link OfflineResults#deferIndexesFrom()} the secondary indexes are dropped and built again before the commit.
     */
    private ImportResult checkAndInsert(long contestId, String fileName, Path file, Supplier<String> sha256,
                                        String who, UnitScope scope, OfflineRules.Paper paper,
                                        OfflineRules.UnitIndex unitIndex, ImportProgress progress) {
        contesting.requireNotFrozen(contesting.get(contestId));
        results.bulkWrite(true);
        try {
            long importId = Ids.next();
            long deferFrom = results.deferIndexesFrom();
            RowChecker checker = new RowChecker(paper, unitIndex, scope);
            long[] inserted = {0};
            int[] written = {0};
            int[] seen = {0};
            List<String>[] deferred = new List[] {null};
            progress.update(ImportProgress.Phase.VALIDATE, 0, 0);
            Pipeline.<CheckedBatch>run("offline-import-check", sink -> {
                List<OfflineResult>[] good = new List[] {new ArrayList<>(BATCH)};
                Pipeline.<List<OfflineRules.Row>>run("offline-import-read", rows -> readInBatches(file, rows),
                        rows -> {
                            for (OfflineRules.Row row : rows) {
                                OfflineResult r = checker.check(row);
                                if (r != null && checker.v.errorCount == 0) {
                                    good[0].add(r);
                                }
                            }
                            boolean bad = checker.v.errorCount > 0;
                            if (bad || good[0].size() >= BATCH) {
                                sink.accept(new CheckedBatch(bad ? List.of() : good[0], checker.v.rows, bad));
                                good[0] = new ArrayList<>(BATCH);
                            }
                        });
                sink.accept(new CheckedBatch(checker.v.errorCount > 0 ? List.of() : good[0], checker.v.rows,
                        checker.v.errorCount > 0));
            }, batch -> {
                if (!batch.anyBad() && !batch.good().isEmpty()) {
                    inserted[0] = sum(inserted[0], results.insertNew(contestId, importId, batch.good()));
                    written[0] += batch.good().size();
                    if (deferred[0] == null && written[0] >= deferFrom) {
                        deferred[0] = results.deferIndexes();
                    }
                }
                int before = seen[0];
                seen[0] = batch.rowsChecked();
                if (seen[0] / PROGRESS_EVERY != before / PROGRESS_EVERY) {
                    progress.update(ImportProgress.Phase.VALIDATE, seen[0], 0);
                }
            });
            Validation v = checker.v; // complete: the checking thread has ended
            progress.update(ImportProgress.Phase.VALIDATE, v.rows, v.rows);
            rejectIfBad(v); // rolls back what was inserted
            int rows = v.rows;
            progress.update(ImportProgress.Phase.INSERT, written[0], rows);
            if (deferred[0] != null) {
                results.restoreIndexes(deferred[0]);
            }
            long insertedRows = inserted[0] >= 0 ? inserted[0] : results.countImported(contestId, importId);
            if (written[0] != rows || insertedRows != rows) {
                // Another import stored some of these tickets meanwhile: start again rather than guess.
                throw changedMeanwhile();
            }
            progress.update(ImportProgress.Phase.INSERT, rows, rows);
            return logged(contestId, importId, fileName, sha256, who, rows, rows);
        } finally {
            results.bulkWrite(false);
        }
    }

    /**
     * The first pass: the file is read and decoded on a second thread while this one checks the rows and keeps
     * the good ones in {@code checked}.
     */
    private Validation validate(long contestId, Path file, OfflineRules.Paper paper, OfflineRules.UnitIndex unitIndex,
                                UnitScope scope, CheckedRows checked, ImportProgress progress) {
        RowChecker checker = new RowChecker(paper, unitIndex, scope);
        Validation v = checker.v;
        List<OfflineResult> pending = new ArrayList<>(CHECK_CHUNK);
        Runnable checkPending = () -> {
            Map<String, OfflineResult> stored = results.byTickets(contestId,
                    pending.stream().map(OfflineResult::ticket).toList());
            for (OfflineResult r : pending) {
                OfflineResult before = stored.get(r.ticket());
                if (before == null) {
                    continue;
                }
                if (before.sameDataAs(r)) {
                    v.unchanged++;
                } else {
                    v.error(RowError.of(r.rowNo(), OfflineRules.TICKET, "row.offline.ticket_changed"));
                }
            }
            pending.clear();
        };
        progress.update(ImportProgress.Phase.VALIDATE, 0, 0);
        Pipeline.<List<OfflineRules.Row>>run("offline-import-read", sink -> readInBatches(file, sink),
                batch -> batch.forEach(row -> {
                    OfflineResult r = checker.check(row);
                    if (r != null) {
                        checked.add(r);
                        pending.add(r);
                        if (pending.size() == CHECK_CHUNK) {
                            checkPending.run();
                        }
                    }
                    if (v.rows % PROGRESS_EVERY == 0) {
                        progress.update(ImportProgress.Phase.VALIDATE, v.rows, 0);
                    }
                }));
        if (!pending.isEmpty()) {
            checkPending.run();
        }
        progress.update(ImportProgress.Phase.VALIDATE, v.rows, v.rows);
        return v;
    }

    /** Reads the file's rows and hands them on {@link #HANDOVER} at a time. */
    private static void readInBatches(Path file, Consumer<List<OfflineRules.Row>> sink) {
        List<OfflineRules.Row>[] batch = new List[] {new ArrayList<>(HANDOVER)};
        read(file, row -> {
            batch[0].add(row);
            if (batch[0].size() == HANDOVER) {
                sink.accept(batch[0]);
                batch[0] = new ArrayList<>(HANDOVER);
            }
        });
        if (!batch[0].isEmpty()) {
            sink.accept(batch[0]);
        }
    }

    private ImportResult insert(long contestId, String fileName, Supplier<String> sha256, String who,
                                CheckedRows checked, int rows, long added, ImportProgress progress) {
        contesting.requireNotFrozen(contesting.get(contestId));
        results.bulkWrite(true);
        try {
            List<String> deferred = added >= results.deferIndexesFrom() ? results.deferIndexes() : List.of();
            ImportResult result = write(contestId, fileName, sha256, who, checked, rows, added, progress);
            results.restoreIndexes(deferred); // on failure the rollback brings them back
            return result;
        } finally {
            results.bulkWrite(false);
        }
    }

    /**
     * The second pass, in the transaction: the checked rows are read back from their temporary file on a second
     * thread while this one inserts them.
     */
    private ImportResult write(long contestId, String fileName, Supplier<String> sha256, String who,
                               CheckedRows checked, int rows, long added, ImportProgress progress) {
        long importId = Ids.next();
        int[] read = {0};
        long[] inserted = {0};
        progress.update(ImportProgress.Phase.INSERT, 0, rows);
        Pipeline.<List<OfflineResult>>run("offline-import-reread", sink -> {
            List<OfflineResult>[] batch = new List[] {new ArrayList<>(BATCH)};
            checked.read(r -> {
                batch[0].add(r);
                if (batch[0].size() == BATCH) {
                    sink.accept(batch[0]);
                    batch[0] = new ArrayList<>(BATCH);
                }
            });
            if (!batch[0].isEmpty()) {
                sink.accept(batch[0]);
            }
        }, batch -> {
            inserted[0] = sum(inserted[0], results.insertNew(contestId, importId, batch));
            int before = read[0];
            read[0] += batch.size();
            if (read[0] / PROGRESS_EVERY != before / PROGRESS_EVERY) {
                progress.update(ImportProgress.Phase.INSERT, read[0], rows);
            }
        });
        long insertedRows = inserted[0] >= 0 ? inserted[0] : results.countImported(contestId, importId);
        if (read[0] != rows || insertedRows != added) {
            // Another import stored some of these tickets after the check: start again rather than guess.
            throw changedMeanwhile();
        }
        progress.update(ImportProgress.Phase.INSERT, rows, rows);
        return logged(contestId, importId, fileName, sha256, who, rows, added);
    }

    /** Logs the import (import log and audit log) in its transaction. */
    private ImportResult logged(long contestId, long importId, String fileName, Supplier<String> sha256Of,
                                String who, int rows, long added) {
        String sha256 = sha256Of.get();
        importLog.record(new ImportLog.Entry(importId, contestId, KIND, fileName, sha256, rows, (int) added, 0, who,
                Instant.now(clock)));
        Map<String, Object> detail = new java.util.LinkedHashMap<>();
        detail.put("sha256", sha256);
        detail.put("rows", rows);
        detail.put("added", added);
        audit.record(who, "offline.import", contestId, fileName, detail);
        return new ImportResult(rows, (int) added, 0);
    }

    /** Adds inserted counts; -1 (unknown) stays unknown. */
    private static long sum(long total, long more) {
        return total < 0 || more < 0 ? -1 : total + more;
    }

    private static void read(Path file, Consumer<OfflineRules.Row> rows) {
        try {
            SheetReader.read(file, COLUMNS, (SheetRow r) -> rows.accept(new OfflineRules.Row(r.rowNumber(),
                    r.get("ticket"), r.get("name"), r.get("phone"), r.get("unit"), r.get("score"), r.get("answers"),
                    r.get("venue"))));
        } catch (SheetException e) {
            throw Refusal.invalid("invalid_file", "import.cannot_import").withDetails(e.errors());
        }
    }

    private static Refusal changedMeanwhile() {
        return Refusal.conflict("changed", "import.changed");
    }

    private static String result(java.util.concurrent.Future<String> hash) {
        try {
            return hash.get();
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static String sha256(Path file) {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return java.util.HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
