package org.baiti.offline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.baiti.contest.ImportResult;
import org.baiti.testing.Api;
import org.baiti.testing.App;
import org.baiti.testing.Fixtures;
import org.baiti.unit.UnitScope;
import org.baiti.refusal.Refusal;
import org.baiti.sheet.RowError;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.baiti.offline.OfflineFiles.MAX;
import static org.baiti.offline.OfflineFiles.PERFECT;
import static org.baiti.offline.OfflineFiles.row;
import static org.baiti.offline.OfflineFiles.rows;

/**
 * The write path in chunks: the checked rows are compared with the stored ones and inserted
 * {@link OfflineImport#BATCH} rows per call of {@code insertNew} (on PostgreSQL one {@code unnest} statement per call)
 * as they are checked, in the import's one transaction. Files of sizes around those boundaries store every row exactly
 * as read; a bad row or a conflict after the first chunk leaves nothing behind; two imports of one contest at once do
 * not overlap. Run on SQLite and PostgreSQL.
 */
interface OfflineImportChunksContract extends App {

    default OfflineResults results() {
        return bean(OfflineResults.class);
    }

    default OfflineImport offlineImport() {
        return bean(OfflineImport.class);
    }

    default PlatformTransactionManager transactions() {
        return bean(PlatformTransactionManager.class);
    }

    int B = OfflineImport.BATCH;
    int R = B / 2;

    /** Row i of a generated file: units, scores, answers and venues vary so a misplaced parameter shows. */
    static List<String> generated(int i) {
        String unit = switch (i % 3) {
            case 0 -> "U1";
            case 1 -> "U2-1";
            default -> "东城区"; // U2 by its name
        };
        boolean answers = i % 2 == 0;
        return row(String.format("C%05d", i), "考生" + i, String.valueOf(13_800_000_000L + i), unit,
                answers ? "" : String.valueOf(i % (MAX + 1)), answers ? (i % 4 == 0 ? PERFECT : "A|AC|对|B|对") : "",
                i % 5 == 0 ? "" : "考场" + (i / 100));
    }

    /** What the import stores for {@link #generated} row i (at file row i + 2). */
    static OfflineResult expected(int i) {
        List<String> r = generated(i);
        boolean answers = i % 2 == 0;
        int score = answers ? (i % 4 == 0 ? MAX : 3) : i % (MAX + 1);
        String unit = r.get(3).equals("东城区") ? "U2" : r.get(3);
        String top = unit.startsWith("U1") ? "U1" : "U2";
        return new OfflineResult(r.get(0), r.get(1), r.get(2), unit, top, score, MAX, (double) score / MAX,
                score == MAX, r.get(6).isEmpty() ? null : r.get(6),
                answers ? (i % 4 == 0 ? "A|ACD|B|B|A" : "A|AC|A|B|A") : null, i + 2);
    }

    static byte[] file(int from, int to) {
        List<List<String>> all = new ArrayList<>(rows());
        for (int i = from; i < to; i++) {
            all.add(generated(i));
        }
        return Fixtures.csv(all);
    }

    default JsonNode summary(long id) {
        return api().admin().get("/api/admin/contests/" + id + "/offline-results/summary").json();
    }

    @Test
    default void filesOfEverySizeAroundTheChunkBoundariesStoreEveryRowExactlyOnce() {
        Api admin = api().admin();
        for (int n : new int[] {1, 255, 256, 257, B - 1, B, B + 1, 2 * B + 1}) {
            long id = OfflineFiles.contest(admin);
            String path = "/api/admin/contests/" + id + "/offline-results";

            Api.Response r = admin.upload(path, n + ".csv", file(0, n));

            assertThat(r.status()).as(n + " rows: " + r.body()).isEqualTo(200);
            assertThat(r.json().get("imported").asInt()).as(n + " rows").isEqualTo(n);
            assertThat(r.json().get("added").asInt()).as(n + " rows").isEqualTo(n);
            assertThat(results().count(id)).as(n + " rows").isEqualTo(n);
            List<String> tickets = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                tickets.add(generated(i).get(0));
            }
            Map<String, OfflineResult> stored = results().byTickets(id, tickets);
            for (int i = 0; i < n; i++) {
                OfflineResult got = stored.get(tickets.get(i));
                assertThat(got).as(n + " rows, row " + i).isEqualTo(expected(i));
            }

            Api.Response again = admin.upload(path, n + ".csv", file(0, n));
            assertThat(again.json().get("added").asInt()).as(n + " rows again: " + again.body()).isZero();
            assertThat(results().count(id)).isEqualTo(n);
        }
    }

    @Test
    default void aLaterFileOverlappingAcrossChunksAddsOnlyItsNewRows() {
        Api admin = api().admin();
        long id = OfflineFiles.contest(admin);
        String path = "/api/admin/contests/" + id + "/offline-results";
        OfflineFiles.expect200(admin.upload(path, "first.csv", file(0, B + 1)));

        // rows 0 … B + R + 1 again: the first B + 1 unchanged (but with other row numbers), R new at the end
        List<List<String>> all = new ArrayList<>(rows());
        for (int i = 0; i < B + R + 1; i++) {
            all.add(generated(i));
        }
        Api.Response r = admin.upload(path, "second.csv", Fixtures.csv(all));

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("imported").asInt()).isEqualTo(B + R + 1);
        assertThat(r.json().get("added").asInt()).isEqualTo(R);
        assertThat(results().count(id)).isEqualTo(B + R + 1);
    }

    @Test
    default void aBadRowAfterTheFirstChunkImportsNothing() {
        Api admin = api().admin();
        long id = OfflineFiles.contest(admin);
        List<List<String>> all = new ArrayList<>(rows());
        for (int i = 0; i < B + R; i++) {
            all.add(i == B + 100 ? row("BAD", "坏行", "13800000000", "U9", "3", "", "") : generated(i));
        }

        Api.Response r = admin.upload("/api/admin/contests/" + id + "/offline-results", "bad.csv", Fixtures.csv(all));

        assertThat(r.status()).as(r.body()).isEqualTo(400);
        JsonNode d = r.json().get("details");
        assertThat(d).hasSize(1);
        assertThat(d.get(0).get("row").asInt()).isEqualTo(B + 100 + 2);
        assertThat(d.get(0).get("column").asString()).isEqualTo("单位编码 / unit");
        assertThat(results().count(id)).isZero();
        assertThat(summary(id).get("participants").asLong()).isZero();
    }

    @Test
    default void everyBadRowIsListedWhenTheFirstComesAfterRowsWereAlreadyWritten() {
        Api admin = api().admin();
        long id = OfflineFiles.contest(admin);
        List<List<String>> all = new ArrayList<>(rows());
        for (int i = 0; i < 3 * B; i++) {
            List<String> row = generated(i);
            if (i == 2 * B + 10) {
                row = generated(5); // the ticket of file row 7 again
            } else if (i == 2 * B + R) {
                row = row(String.format("C%05d", i), "考生", "12345", "U1", "3", "", "");
            } else if (i == 3 * B - 1) {
                row = row(String.format("C%05d", i), "考生", "13800000000", "U1", "", "A|B", "");
            }
            all.add(row);
        }

        Api.Response r = admin.upload("/api/admin/contests/" + id + "/offline-results", "bad.csv", Fixtures.csv(all));

        assertThat(r.status()).as(r.body()).isEqualTo(400);
        JsonNode d = r.json().get("details");
        assertThat(d).hasSize(3);
        assertThat(d.get(0).get("row").asInt()).isEqualTo(2 * B + 10 + 2);
        assertThat(d.get(0).get("column").asString()).isEqualTo("准考证号 / ticket");
        assertThat(d.get(0).get("reason").asString()).isEqualTo("准考证号与第 7 行重复");
        assertThat(d.get(1).get("row").asInt()).isEqualTo(2 * B + R + 2);
        assertThat(d.get(1).get("column").asString()).isEqualTo("手机号 / phone");
        assertThat(d.get(2).get("row").asInt()).isEqualTo(3 * B - 1 + 2);
        assertThat(d.get(2).get("column").asString()).isEqualTo("答案 / answers");
        assertThat(results().count(id)).as("the rows written before the first bad one are rolled back").isZero();
        assertThat(summary(id).get("participants").asLong()).isZero();

        // the same file, corrected, imports afterwards
        all.set(2 * B + 10 + 1, generated(2 * B + 10));
        all.set(2 * B + R + 1, generated(2 * B + R));
        all.set(3 * B - 1 + 1, generated(3 * B - 1));
        Api.Response ok = admin.upload("/api/admin/contests/" + id + "/offline-results", "ok.csv", Fixtures.csv(all));
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        assertThat(results().count(id)).isEqualTo(3 * B);
    }

    @Test
    default void aTicketStoredByOthersDuringTheImportRollsBackEveryChunk() throws IOException {
        long id = OfflineFiles.contest(api().admin());
        Path file = Files.createTempFile("chunks-", ".csv");
        try {
            Files.write(file, file(0, B + R + 1));
            OfflineResult last = expected(B + R);
            OfflineResult intruder = new OfflineResult(last.ticket(), "别人", last.phone(), last.unitCode(),
                    last.topCode(), last.score(), last.maxScore(), last.accuracy(), last.perfect(), last.venue(),
                    last.answers(), 99);
            // The progress callback runs on the writing thread, inside the import's transaction, before the first
            // chunk: the last row's ticket is stored there, with another name, as if by someone else.
            ImportProgress sneak = (phase, read, total) -> {
                if (phase == ImportProgress.Phase.VALIDATE && read == 0) {
                    assertThat(results().insertNew(id, 1L, List.of(intruder))).isEmpty();
                }
            };

            assertThatThrownBy(() -> offlineImport().importFile(id, "chunks.csv", file, "x", "admin", UnitScope.all(),
                    sneak))
                    .isInstanceOfSatisfying(Refusal.class, e -> {
                        assertThat(e.code()).isEqualTo("invalid_file");
                        assertThat(e.details()).singleElement().isInstanceOfSatisfying(RowError.class, d -> {
                            assertThat(d.row()).isEqualTo(B + R + 2);
                            assertThat(d.column()).isEqualTo("准考证号 / ticket");
                        });
                    });

            assertThat(results().count(id)).as("all chunks and the intruder rolled back").isZero();
            ImportResult ok = offlineImport().importFile(id, "chunks.csv", file, "x", "admin", UnitScope.all(),
                    ImportProgress.NONE);
            assertThat(ok.added()).isEqualTo(B + R + 1);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    default void progressIsReportedWhileTheRowsAreCheckedAndWrittenChunkByChunk() throws IOException {
        long id = OfflineFiles.contest(api().admin());
        Path file = Files.createTempFile("chunks-", ".csv");
        try {
            Files.write(file, file(0, 3 * B + R));
            List<String> seen = new ArrayList<>();
            // on the writing thread, in the transaction: the rows stored so far are visible there
            ImportProgress progress = (phase, read, total) ->
                    seen.add(phase + " " + read + "/" + total + " stored " + results().count(id));

            ImportResult r = offlineImport().importFile(id, "chunks.csv", file, "x", "admin", UnitScope.all(),
                    progress);

            assertThat(r.added()).isEqualTo(3 * B + R);
            int n = 3 * B + R;
            assertThat(seen).containsExactly(
                    "VALIDATE 0/0 stored 0",
                    "VALIDATE " + B + "/0 stored " + B,
                    "VALIDATE " + 2 * B + "/0 stored " + 2 * B,
                    "VALIDATE " + 3 * B + "/0 stored " + 3 * B,
                    "VALIDATE " + n + "/" + n + " stored " + n,
                    "INSERT " + n + "/" + n + " stored " + n);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    default void twoImportsOfOneContestAtOnceDoNotOverlapAndStoreEveryRowOnce() throws Exception {
        long id = OfflineFiles.contest(api().admin());
        Path file = Files.createTempFile("chunks-", ".csv");
        ExecutorService second = Executors.newSingleThreadExecutor();
        try {
            Files.write(file, file(0, B + R));
            CountDownLatch secondInside = new CountDownLatch(1);
            List<Long> storedWhenSecondBegan = new ArrayList<>();
            ImportProgress secondProgress = (phase, read, total) -> {
                if (phase == ImportProgress.Phase.VALIDATE && read == 0) {
                    storedWhenSecondBegan.add(results().count(id));
                    secondInside.countDown();
                }
            };
            List<Future<ImportResult>> started = new ArrayList<>();
            List<Boolean> secondGotInWhileFirstRan = new ArrayList<>();
            // inside the first import's transaction: start the second one and give it time to get in
            ImportProgress firstProgress = (phase, read, total) -> {
                if (phase == ImportProgress.Phase.VALIDATE && read == 0) {
                    started.add(second.submit(() -> offlineImport().importFile(id, "second.csv", file, "y",
                            "admin", UnitScope.all(), secondProgress)));
                    try {
                        secondGotInWhileFirstRan.add(secondInside.await(2, TimeUnit.SECONDS));
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                }
            };

            ImportResult first = offlineImport().importFile(id, "first.csv", file, "x", "admin", UnitScope.all(),
                    firstProgress);
            ImportResult then = started.get(0).get(60, TimeUnit.SECONDS);

            assertThat(secondGotInWhileFirstRan).as("the second import waited for the first").containsExactly(false);
            assertThat(first.added()).isEqualTo(B + R);
            assertThat(storedWhenSecondBegan).as("the second began after the first had committed")
                    .containsExactly((long) (B + R));
            assertThat(then.imported()).isEqualTo(B + R);
            assertThat(then.added()).isZero();
            assertThat(results().count(id)).isEqualTo(B + R);
        } finally {
            second.shutdownNow();
            Files.deleteIfExists(file);
        }
    }

    @Test
    default void insertNewAddsOnlyNewRowsAndSaysWhichItLeftOut() {
        long id = OfflineFiles.contest(api().admin());
        TransactionTemplate tx = new TransactionTemplate(transactions());
        List<OfflineResult> rows = new ArrayList<>();
        for (int i = 0; i < B + 1; i++) {
            rows.add(expected(i));
        }
        tx.executeWithoutResult(s -> {
            assertThat(results().insertNew(id, 1L, List.of())).isEmpty();
            assertThat(results().insertNew(id, 1L, List.of(rows.get(0), rows.get(R), rows.get(B)))).isEmpty();
            assertThat(results().insertNew(id, 2L, rows)).as("three of them stored already")
                    .containsExactly(rows.get(0), rows.get(R), rows.get(B));
        });
        assertThat(results().count(id)).isEqualTo(B + 1);
        assertThat(bean(org.springframework.jdbc.core.simple.JdbcClient.class)
                .sql("SELECT COUNT(*) FROM offline_result WHERE contest_id = ? AND import_id = 2").param(id)
                .query(Long.class).single()).isEqualTo(B + 1 - 3);
        try {
            tx.executeWithoutResult(s -> {
                List<OfflineResult> more = new ArrayList<>();
                for (int i = B + 1; i < B + R + 2; i++) {
                    more.add(expected(i));
                }
                assertThat(results().insertNew(id, 3L, more)).as("all of them new").isEmpty();
                throw new UncheckedIOException(new IOException("fails after a chunk"));
            });
        } catch (UncheckedIOException expectedFailure) {
            // rolled back
        }
        assertThat(results().count(id)).isEqualTo(B + 1);
    }
}
