package org.baiti.offline;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
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
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import org.springframework.core.task.TaskExecutor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports offline results (SPEC §2.3): all rows or none, the same file twice changes nothing, a later file may add
 * rows. One path for every import, in one transaction: a thread of the application's {@link TaskExecutor} reads the
 * file and checks every row ({@link OfflineRules}, the account's units, tickets twice in the file) and hands the good
 * rows over {@link #BATCH} at a time ({@link Pipeline}); this thread, in the transaction, compares them with the
 * stored rows (the same data: unchanged; other data: a bad row) and inserts the new ones. Once any row is bad nothing
 * more is inserted, every row is still checked, and the transaction is rolled back, so nothing of a bad file is
 * stored. Memory does not grow with the rows except for the ticket set.
 */
@Service
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

    /** Checked rows per hand-over to the writing thread, per look-up of stored tickets and per insert. */
    static final int BATCH = 1_000;
    private static final int PROGRESS_EVERY = 1_000;

    private final Contesting contesting;
    private final Questions questions;
    private final Units units;
    private final OfflineResults results;
    private final ImportLog importLog;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final UnitScopes scopes;
    private final AuditLog audit;
    private final ContestMetrics metrics;
    private final TaskExecutor executor;

    OfflineImport(Contesting contesting, Questions questions, Units units, OfflineResults results, ImportLog importLog,
                  PlatformTransactionManager transactions, Clock clock, UnitScopes scopes, AuditLog audit,
                  ContestMetrics metrics, TaskExecutor applicationTaskExecutor) {
        this.contesting = contesting;
        this.questions = questions;
        this.units = units;
        this.results = results;
        this.importLog = importLog;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
        this.scopes = scopes;
        this.audit = audit;
        this.metrics = metrics;
        this.executor = applicationTaskExecutor;
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
        return importFile(contestId, String.valueOf(file.getFileName()), file, () -> sha256(file), who,
                scopes.current(contestId), progress);
    }

    /**
     * Checks every row and writes the new ones; a file with any bad row imports nothing. A row whose unit is outside
     * {@code scope} (a coordinator's units, decided in the request's thread) is a bad row.
     *
     * @throws Refusal {@code invalid_file} with every bad row, {@code empty_file}, {@code no_bank}, {@code changed}
     *                 (rows stored meanwhile that this import did not expect); and the contest's own refusals (none,
     *                 frozen)
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
            contesting.requireNotFrozen(contesting.get(contestId)); // before reading anything
            result = tx.execute(status -> {
                results.beginImport(contestId);
                try {
                    return importInTransaction(contestId, fileName, file, sha256, who, scope, progress);
                } finally {
                    results.endImport();
                }
            });
            done = true;
            return result;
        } finally {
            metrics.offlineImportEnded(done, result == null ? 0 : result.imported());
        }
    }

    /** The import, in its transaction, after {@link OfflineResults#beginImport} (no other import of the contest runs). */
    private ImportResult importInTransaction(long contestId, String fileName, Path file, Supplier<String> sha256,
                                            String who, UnitScope scope, ImportProgress progress) {
        Contest contest = contesting.get(contestId);
        contesting.requireNotFrozen(contest);
        OfflineRules.Paper paper = new OfflineRules.Paper(
                questions.firstN(contestId, contest.questionsPerPaper()), contest.partialCredit());
        if (paper.questions().isEmpty() || paper.maxScore() == 0) {
            throw Refusal.invalid("no_bank", "import.no_bank");
        }
        RowChecker checker = new RowChecker(paper, new OfflineRules.UnitIndex(units.all(contestId)), scope);
        Writer writer = new Writer(contestId, Ids.next(), progress);
        progress.update(ImportProgress.Phase.VALIDATE, 0, 0);
        Pipeline.<Chunk>run(executor, sink -> checker.checkAll(file, sink), writer::write);
        int rows = checker.rows; // the checking thread has ended
        progress.update(ImportProgress.Phase.VALIDATE, rows, rows);
        rejectIfBad(checker.errors, writer.errors, rows);
        long added = writer.added;
        if (added + writer.unchanged != rows) {
            // a row neither added nor found stored: the table changed under the import; start again rather than guess
            throw Refusal.conflict("changed", "import.changed");
        }
        progress.update(ImportProgress.Phase.INSERT, rows, rows);
        if (added == 0) {
            return new ImportResult(rows, 0, 0); // the same file again: nothing changed, nothing logged
        }
        return logged(contestId, writer.importId, fileName, sha256, who, rows, added);
    }

    /** Refuses a file with bad rows, listing them (sorted, at most {@link #MAX_LISTED_ERRORS}), or without rows. */
    private static void rejectIfBad(Errors checked, Errors stored, int rows) {
        long count = checked.count + stored.count;
        if (count > 0) {
            List<RowError> listed = new ArrayList<>(checked.listed);
            listed.addAll(stored.listed);
            listed.sort(Comparator.comparingInt(RowError::row));
            if (listed.size() > MAX_LISTED_ERRORS) {
                listed = new ArrayList<>(listed.subList(0, MAX_LISTED_ERRORS));
            }
            if (count > listed.size()) {
                listed.add(RowError.file("row.more_errors", count - listed.size(), MAX_LISTED_ERRORS));
            }
            throw Refusal.invalid("invalid_file", "import.errors", count).withDetails(listed);
        }
        if (rows == 0) {
            throw Refusal.invalid("empty_file", "import.empty_file");
        }
    }

    /** Bad rows: the first {@link #MAX_LISTED_ERRORS} found, and how many in all. */
    private static final class Errors {
        final List<RowError> listed = new ArrayList<>();
        long count;

        void add(RowError e) {
            count++;
            if (listed.size() < MAX_LISTED_ERRORS) {
                listed.add(e);
            }
        }
    }

    /** Good rows of the file, in file order, and whether any row up to the last of them was bad. */
    private record Chunk(List<OfflineResult> good, int rowsChecked, boolean anyBad) {
    }

    /**
     * The reading thread's part: reads the file and checks each row (the rules, the account's units, tickets twice in
     * the file), handing the good rows on in chunks. Its fields are read by the writing thread only once it has ended.
     */
    private static final class RowChecker {
        final Errors errors = new Errors();
        int rows;
        private List<OfflineResult> good = new ArrayList<>(BATCH);
        private final Map<String, Integer> firstRow = new HashMap<>();
        private final OfflineRules.Paper paper;
        private final OfflineRules.UnitIndex unitIndex;
        private final UnitScope scope;

        RowChecker(OfflineRules.Paper paper, OfflineRules.UnitIndex unitIndex, UnitScope scope) {
            this.paper = paper;
            this.unitIndex = unitIndex;
            this.scope = scope;
        }

        void checkAll(Path file, Consumer<Chunk> sink) {
            read(file, row -> {
                OfflineResult r = check(row);
                if (r != null) {
                    good.add(r);
                    if (good.size() == BATCH) {
                        sink.accept(new Chunk(good, rows, errors.count > 0));
                        good = new ArrayList<>(BATCH);
                    }
                }
            });
            sink.accept(new Chunk(good, rows, errors.count > 0));
        }

        /** The row's result, or null when it is bad (its errors are in {@link #errors}). */
        private OfflineResult check(OfflineRules.Row row) {
            rows++;
            OfflineRules.Checked c = OfflineRules.check(row, paper, unitIndex);
            c.errors().forEach(errors::add);
            if (c.result() != null && !scope.covers(c.result().unitCode())) {
                errors.add(RowError.of(row.rowNumber(), OfflineRules.UNIT, "row.unit.not_yours"));
                return null;
            }
            String ticket = row.ticket();
            if (!ticket.isEmpty()) {
                Integer before = firstRow.putIfAbsent(ticket, row.rowNumber());
                if (before != null) {
                    errors.add(RowError.of(row.rowNumber(), OfflineRules.TICKET, "row.offline.duplicate_ticket",
                            String.valueOf(before)));
                    return null;
                }
            }
            return c.result();
        }
    }

    /**
     * The writing thread's part, in the transaction: the new rows of each chunk are inserted as long as no row of the
     * file was bad; the rows whose ticket is stored already are compared with the stored ones (the same data:
     * unchanged; other data: a bad row). After a bad row nothing more is inserted, but every chunk is still compared.
     */
    private final class Writer {
        final long contestId;
        final long importId;
        final ImportProgress progress;
        final Errors errors = new Errors();
        long added;
        long unchanged;
        int rowsChecked;

        Writer(long contestId, long importId, ImportProgress progress) {
            this.contestId = contestId;
            this.importId = importId;
            this.progress = progress;
        }

        void write(Chunk chunk) {
            List<OfflineResult> storedTickets = chunk.good();
            if (!chunk.anyBad() && errors.count == 0) {
                storedTickets = results.insertNew(contestId, importId, chunk.good());
                added += chunk.good().size() - storedTickets.size();
            }
            if (!storedTickets.isEmpty()) {
                Map<String, OfflineResult> stored = results.byTickets(contestId,
                        storedTickets.stream().map(OfflineResult::ticket).toList());
                for (OfflineResult r : storedTickets) {
                    OfflineResult before = stored.get(r.ticket());
                    if (before != null && before.sameDataAs(r)) {
                        unchanged++;
                    } else if (before != null) {
                        errors.add(RowError.of(r.rowNo(), OfflineRules.TICKET, "row.offline.ticket_changed"));
                    }
                }
            }
            int before = rowsChecked;
            rowsChecked = chunk.rowsChecked();
            if (rowsChecked / PROGRESS_EVERY != before / PROGRESS_EVERY) {
                progress.update(ImportProgress.Phase.VALIDATE, rowsChecked, 0);
            }
        }
    }

    /** Logs the import (import log and audit log) in its transaction. */
    private ImportResult logged(long contestId, long importId, String fileName, Supplier<String> sha256Of,
                                String who, int rows, long added) {
        String sha256 = sha256Of.get();
        importLog.record(new ImportLog.Entry(importId, contestId, KIND, fileName, sha256, rows, (int) added, 0, who,
                Instant.now(clock)));
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("sha256", sha256);
        detail.put("rows", rows);
        detail.put("added", added);
        audit.record(who, "offline.import", contestId, fileName, detail);
        return new ImportResult(rows, (int) added, 0);
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

    private static String sha256(Path file) {
        try (DigestInputStream in = new DigestInputStream(Files.newInputStream(file),
                MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(in.getMessageDigest().digest());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
