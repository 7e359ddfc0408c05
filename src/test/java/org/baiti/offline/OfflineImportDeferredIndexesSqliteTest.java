package org.baiti.offline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.baiti.testing.Api;
import org.baiti.testing.SqliteApp;
import org.baiti.unit.UnitScope;
import org.baiti.refusal.Refusal;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * SQLite: a large import into a small table drops the secondary indexes inside its transaction and builds them
 * again before the commit; afterwards, and after a rolled-back import, the table has exactly the indexes it had.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
// A context (and so a SQLite file) of its own: whether the indexes are deferred depends on how many rows the table
// already holds, and the other SQLite test classes share one database.
@TestPropertySource(properties = "baiti.test.own-database=deferred-indexes")
class OfflineImportDeferredIndexesSqliteTest extends SqliteApp {

    static final int N = JdbcOfflineResults.MIN_ROWS_TO_DEFER_INDEXES;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    OfflineResults results;

    @Autowired
    OfflineImport offlineImport;

    List<String> indexes() {
        return jdbc.queryForList("SELECT name || ': ' || COALESCE(sql, '') FROM sqlite_master "
                + "WHERE type = 'index' AND tbl_name = 'offline_result' ORDER BY name", String.class);
    }

    @Test
    @Order(2)
    void aLargeImportLeavesTheIndexesAsTheyWereAndTheQueriesUsingThemAgree() {
        List<String> before = indexes();
        assertThat(before).hasSize(4); // the primary key's and three of V20
        Api admin = api().admin();
        long id = OfflineFiles.contest(admin);
        String path = "/api/admin/contests/" + id + "/offline-results";

        Api.Response r = admin.upload(path, "big.csv", OfflineImportChunksContract.file(0, N));

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("added").asInt()).isEqualTo(N);
        assertThat(indexes()).isEqualTo(before);
        assertThat(jdbc.queryForObject("PRAGMA integrity_check", String.class)).isEqualTo("ok");
        long perfect = 0;
        long topU1 = 0;
        for (int i = 0; i < N; i++) {
            OfflineResult e = OfflineImportChunksContract.expected(i);
            perfect += e.perfect() ? 1 : 0;
            topU1 += e.topCode().equals("U1") ? 1 : 0;
        }
        assertThat(api().admin().get(path + "/summary").json().get("perfect").asLong()).isEqualTo(perfect);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM offline_result INDEXED BY offline_result_by_top "
                + "WHERE contest_id = ? AND top_code = 'U1'", Long.class, id)).isEqualTo(topU1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM offline_result INDEXED BY offline_result_by_phone "
                + "WHERE contest_id = ? AND phone = ?", Long.class, id, "13800000007")).isEqualTo(1);

        // the table now holds N rows: a second import of N more keeps the indexes and maintains them row by row
        Api.Response more = admin.upload(path, "more.csv", OfflineImportChunksContract.file(N, 2 * N));
        assertThat(more.json().get("added").asInt()).as(more.body()).isEqualTo(N);
        assertThat(indexes()).isEqualTo(before);
        assertThat(results.count(id)).isEqualTo(2L * N);
    }

    @Test
    @Order(1) // on the empty table, so the indexes are dropped
    void aRolledBackLargeImportLeavesTheIndexesAsTheyWere() throws IOException {
        List<String> before = indexes();
        long id = OfflineFiles.contest(api().admin());
        Path file = Files.createTempFile("deferred-", ".csv");
        try {
            Files.write(file, OfflineImportChunksContract.file(0, N));
            List<List<String>> during = new java.util.ArrayList<>();
            // Both run on the writing thread, inside the import's transaction: the last row of the file is stored as
            // if by another import before the first chunk; the indexes are looked at once every row is written.
            ImportProgress sneak = (phase, read, total) -> {
                if (phase == ImportProgress.Phase.VALIDATE && read == 0) {
                    results.insertNew(id, 1L, List.of(OfflineImportChunksContract.expected(N - 1)));
                }
                if (phase == ImportProgress.Phase.INSERT && during.isEmpty()) {
                    during.add(indexes());
                }
            };

            assertThatThrownBy(() -> offlineImport.importFile(id, "big.csv", file, "x", "admin", UnitScope.all(), sneak))
                    .isInstanceOfSatisfying(Refusal.class, e -> assertThat(e.code()).isEqualTo("changed"));

            List<String> primaryKey = before.stream().filter(i -> i.startsWith("sqlite_autoindex_offline_result")).toList();
            assertThat(primaryKey).hasSize(1);
            assertThat(during).as("only the primary key's index during the import").containsExactly(primaryKey);
            assertThat(indexes()).isEqualTo(before);
            assertThat(results.count(id)).isZero();
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
