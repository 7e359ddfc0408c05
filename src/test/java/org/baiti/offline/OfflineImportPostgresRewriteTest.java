package org.baiti.offline;

import org.baiti.testing.Api;
import org.baiti.testing.Fixtures;
import org.baiti.testing.App;
import org.baiti.testing.EnabledIfPostgres;
import org.baiti.testing.Postgres;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.baiti.offline.OfflineFiles.PERFECT;
import static org.baiti.offline.OfflineFiles.row;
import static org.baiti.offline.OfflineFiles.rows;

/**
 * PostgreSQL with {@code reWriteBatchedInserts=true} (an operator may set it for faster imports): the driver
 * then does not say how many rows each insert added, and the import counts them in the database instead.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@EnabledIfPostgres
class OfflineImportPostgresRewriteTest {

    @DynamicPropertySource
    static void rewrite(DynamicPropertyRegistry r) {
        r.add("spring.datasource.url", () -> Postgres.freshSchemaUrl() + "&reWriteBatchedInserts=true");
        App.common(r);
    }

    @LocalServerPort
    int port;

    Api api() {
        return new Api(port);
    }

    @Value("${spring.datasource.url}")
    String url;

    @Test
    void laterFilesAddOnlyTheirNewRowsAndTheSameFileAddsNothing() {
        assertThat(url).contains("reWriteBatchedInserts=true");
        Api admin = api().admin();
        long id = OfflineFiles.contest(admin);
        String path = "/api/admin/contests/" + id + "/offline-results";
        byte[] first = Fixtures.csv(rows(
                row("R1", "张三", "13800000001", "U1", "", PERFECT, "一号考场"),
                row("R2", "李四", "13800000002", "U2", "4", "", "一号考场")));
        byte[] second = Fixtures.csv(rows(
                row("R2", "李四", "13800000002", "U2", "4", "", "一号考场"),
                row("R3", "王五", "13800000003", "U2-1", "2", "", "二号考场")));

        Api.Response a = admin.upload(path, "first.csv", first);
        Api.Response again = admin.upload(path, "first.csv", first);
        Api.Response b = admin.upload(path, "second.csv", second);

        assertThat(a.json().get("added").asInt()).as(a.body()).isEqualTo(2);
        assertThat(again.json().get("added").asInt()).as(again.body()).isZero();
        assertThat(b.status()).as(b.body()).isEqualTo(200);
        assertThat(b.json().get("added").asInt()).isEqualTo(1);
        assertThat(admin.get(path + "/summary").json().get("participants").asLong()).isEqualTo(3);
    }
}
