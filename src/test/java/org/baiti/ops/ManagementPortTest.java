package org.baiti.ops;

import org.baiti.testing.Api;
import org.baiti.testing.SqliteApp;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code management.server.port} set (API.md "Operations": "unless a separate management port is configured"),
 * Prometheus scrapes that port without credentials, and the application's port no longer serves the metrics.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"management.server.port=0", "management.server.address=127.0.0.1"})
class ManagementPortTest extends SqliteApp {

    @LocalManagementPort
    int managementPort;

    @Test
    void theSeparateManagementPortServesTheMetricsWithoutCredentialsAndTheApplicationPortDoesNot() {
        assertThat(managementPort).isPositive();
        Api management = new Api(managementPort);
        Api.Response metrics = management.get("/actuator/prometheus");
        assertThat(metrics.status()).as(metrics.body()).isEqualTo(200);
        assertThat(metrics.body()).contains("baiti_submissions_total{");
        assertThat(management.get("/actuator/health").status()).isEqualTo(200);
        Api.Response onApplicationPort = api().admin().get("/actuator/prometheus");
        assertThat(onApplicationPort.status()).isIn(401, 403, 404);
        assertThat(onApplicationPort.body()).doesNotContain("baiti_submissions_total");
        assertThat(api().get("/api/ping").status()).isEqualTo(200);
    }
}
