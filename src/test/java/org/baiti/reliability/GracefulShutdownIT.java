package org.baiti.reliability;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.baiti.testing.Api;
import org.baiti.testing.BaitiProcess;
import org.baiti.testing.Fixtures;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** On SIGTERM, submissions in flight finish and are acknowledged, later ones are refused, and nothing acknowledged is lost. */
class GracefulShutdownIT {

    static final String PASSWORD = "graceful-it-pw";

    @Test
    void sigtermLetsSubmissionsInFlightFinishAndLosesNothingAcknowledged() throws Exception {
        Path dir = Files.createTempDirectory("baiti-graceful-");
        int port = BaitiProcess.freePort();
        ConcurrentLinkedQueue<CrashDurabilityIT.Acked> acked = new ConcurrentLinkedQueue<>();
        long contestId;
        AtomicLong sigtermAt = new AtomicLong(Long.MAX_VALUE);
        AtomicInteger ackedAfterSigterm = new AtomicInteger();
        AtomicInteger refusedAfterSigterm = new AtomicInteger();
        try (BaitiProcess p = BaitiProcess.start(port, Map.of("BAITI_ADMIN_PASSWORD", PASSWORD), "--baiti.data-dir=" + dir, "--baiti.demo=false")) {
            p.awaitHealthy(Duration.ofSeconds(300));
            Api api = new Api(port);
            contestId = Fixtures.contest(api.as("admin", PASSWORD), Map.of("questionsPerPaper", 5));
            api.as("admin", PASSWORD).upload("/api/admin/contests/" + contestId + "/units", "u.csv", Fixtures.csv(Fixtures.units()));
            api.as("admin", PASSWORD).upload("/api/admin/contests/" + contestId + "/bank", "b.csv", Fixtures.csv(Fixtures.bank()));
            AtomicBoolean stop = new AtomicBoolean();
            AtomicInteger names = new AtomicInteger();
            ExecutorService clients = Executors.newFixedThreadPool(8);
            Random random = new Random();
            long cid = contestId;
            for (int t = 0; t < 8; t++) {
                clients.submit(() -> {
                    while (!stop.get()) {
                        int before = acked.size();
                        try {
                            CrashDurabilityIT.submitOne(api, cid, "关闭测试" + names.incrementAndGet(), random, acked);
                            if (acked.size() > before && System.nanoTime() > sigtermAt.get()) {
                                ackedAfterSigterm.incrementAndGet();
                            }
                        } catch (RuntimeException e) {
                            if (System.nanoTime() > sigtermAt.get()) {
                                refusedAfterSigterm.incrementAndGet();
                            }
                        }
                    }
                });
            }
            Thread.sleep(2000);
            sigtermAt.set(System.nanoTime());
            p.process().destroy();                                        // SIGTERM
            assertThat(p.process().waitFor(60, TimeUnit.SECONDS)).as("exits after SIGTERM").isTrue();
            stop.set(true);
            clients.shutdown();
            assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
            assertThat(p.log()).contains("Commencing graceful shutdown");
        }
        System.out.println("SIGTERM: " + acked.size() + " acknowledged, " + ackedAfterSigterm.get()
                + " of them after the signal; " + refusedAfterSigterm.get() + " refused after it");
        assertThat(acked).isNotEmpty();
        assertThat(refusedAfterSigterm.get()).as("new requests are refused once shutting down").isPositive();
        int port2 = BaitiProcess.freePort();
        try (BaitiProcess p = BaitiProcess.start(port2, Map.of(), "--baiti.data-dir=" + dir, "--baiti.demo=false")) {
            p.awaitHealthy(Duration.ofSeconds(300));
            CrashDurabilityIT.verify(new Api(port2), List.copyOf(acked));
            JsonNode ranking = new Api(port2).get("/api/contests/" + contestId + "/ranking?limit=1000").json();
            assertThat(ranking.size()).isGreaterThanOrEqualTo(Math.min(1000, acked.size()));
        }
    }
}
