package org.baiti.reliability;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.baiti.testing.Api;
import org.baiti.testing.BaitiProcess;
import org.baiti.testing.EnabledIfPostgres;
import org.baiti.testing.Fixtures;
import org.baiti.testing.Postgres;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real load balancer: nginx (Debian's, from /usr/sbin/nginx, with its own prefix and configuration on a free
 * loopback port) in front of two Baiti nodes on one PostgreSQL schema, passing requests with the repository's
 * {@code deploy/nginx/baiti-proxy.conf}. A contest is run through nginx while one node is killed with SIGKILL: every
 * acknowledged submission is stored, the other node serves on, and the nodes see the client's address (from
 * {@code X-Forwarded-For}, trusted from the proxy's address only) for their per-address limits.
 *
 * <p>Skipped with a message where nginx is missing; with {@code BAITI_REQUIRE_NGINX=true} (as {@code .ci/run} sets)
 * a missing nginx is a failure.
 */
@EnabledIfPostgres
class NginxIT {

    static final Path NGINX = Path.of("/usr/sbin/nginx");
    static final String PASSWORD = "nginx-it-pw";
    /** nginx connects to the nodes from this address; the nodes trust X-Forwarded-For from it and from nothing else. */
    static final String PROXY_ADDRESS = "127.0.0.2";
    /** Two participants' machines, as the nodes should see them. */
    static final String CLIENT_X = "127.0.0.3";
    static final String CLIENT_Y = "127.0.0.4";

    @Test
    void nginxSpreadsAContestOverTwoNodesAndKeepsServingWhenOneIsKilled() throws Exception {
        if (!Files.isExecutable(NGINX)) {
            String message = NGINX + " is missing: the load balancer test is skipped (apt-get install nginx-light)";
            if ("true".equalsIgnoreCase(System.getenv("BAITI_REQUIRE_NGINX"))) {
                throw new AssertionError(message + ", and BAITI_REQUIRE_NGINX=true");
            }
            System.out.println(message);
            Assumptions.abort(message);
        }
        String url = Postgres.freshSchemaUrl();
        BaitiProcess a = node(url);
        BaitiProcess b = null;
        Process nginx = null;
        Path prefix = Files.createTempDirectory("baiti-nginx-");
        try {
            a.awaitHealthy(Duration.ofSeconds(300));
            b = node(url);
            b.awaitHealthy(Duration.ofSeconds(300));
            int port = BaitiProcess.freePort();
            nginx = startNginx(prefix, port, a.port(), b.port());
            Api lb = new Api(port);
            Api admin = lb.as("admin", PASSWORD);

            long id = Fixtures.contest(admin, Map.of("questionsPerPaper", 5));
            assertThat(admin.upload("/api/admin/contests/" + id + "/units", "u.csv", Fixtures.csv(Fixtures.units())).status())
                    .isEqualTo(200);
            assertThat(admin.upload("/api/admin/contests/" + id + "/bank", "b.csv", Fixtures.csv(Fixtures.bank())).status())
                    .isEqualTo(200);

            // Starts and submissions through nginx, spread over both nodes; node B dies in the middle.
            ConcurrentLinkedQueue<CrashDurabilityIT.Acked> acked = new ConcurrentLinkedQueue<>();
            AtomicBoolean stop = new AtomicBoolean();
            AtomicBoolean killed = new AtomicBoolean();
            AtomicInteger names = new AtomicInteger();
            AtomicInteger failed = new AtomicInteger();
            AtomicInteger ackedAfterKill = new AtomicInteger();
            ExecutorService clients = Executors.newFixedThreadPool(6);
            for (int t = 0; t < 6; t++) {
                clients.submit(() -> {
                    while (!stop.get()) {
                        ThreadLocalRandom random = ThreadLocalRandom.current();
                        String name = "负载均衡" + names.incrementAndGet();
                        boolean afterKill = killed.get();
                        try {
                            String phone = "13" + (5 + random.nextInt(5)) + String.format("%08d", random.nextInt(100_000_000));
                            Api.Response start = lb.postJson("/api/contests/" + id + "/attempts",
                                    Map.of("name", name, "phone", phone, "unit", "U1"));
                            if (start.status() != 201) {
                                failed.incrementAndGet();
                                continue;
                            }
                            JsonNode paper = start.json();
                            Api.Response r = lb.postJson("/api/attempts/" + paper.get("attemptId").asString() + "/submit",
                                    Map.of("answers", TwoNodesIT.answers(paper, new Random(random.nextLong()))),
                                    paper.get("token").asString());
                            if (r.status() == 200) {
                                acked.add(new CrashDurabilityIT.Acked(paper.get("attemptId").asString(),
                                        paper.get("token").asString(), name, r.json().get("score").asInt(),
                                        r.json().get("durationMs").asLong()));
                                if (afterKill) {
                                    ackedAfterKill.incrementAndGet();
                                }
                            } else {
                                failed.incrementAndGet();
                            }
                        } catch (RuntimeException e) {
                            failed.incrementAndGet();
                        }
                    }
                });
            }
            // under way on both nodes first (on a busy machine the first answers take a while)
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (acked.size() < 20 && System.nanoTime() < until) {
                Thread.sleep(200);
            }
            int beforeKill = acked.size();
            // both nodes took part before the kill (each counts its own starts)
            assertThat(startsOn(a)).as("node A served starts through nginx").isGreaterThan(0);
            assertThat(startsOn(b)).as("node B served starts through nginx").isGreaterThan(0);
            b.kill();
            killed.set(true);
            Thread.sleep(4000);
            stop.set(true);
            clients.shutdown();
            assertThat(clients.awaitTermination(120, TimeUnit.SECONDS)).isTrue();
            System.out.println("nginx: " + acked.size() + " acknowledged (" + beforeKill + " before node B's SIGKILL, "
                    + ackedAfterKill.get() + " started after it), " + failed.get() + " requests failed");
            assertThat(beforeKill).as("submissions before the kill").isGreaterThan(0);
            assertThat(ackedAfterKill.get()).as("nginx kept serving with node A alone").isGreaterThan(10);
            // only requests in flight on node B when it died may fail: one per client at most, and a few of those
            assertThat(failed.get()).as("requests that failed around the kill").isLessThanOrEqualTo(12);

            // No acknowledged submission is lost: each is stored with its score and time, read through nginx and
            // on the surviving node directly.
            CrashDurabilityIT.verify(lb, new ArrayList<>(acked));
            CrashDurabilityIT.verify(new Api(a.port()), new ArrayList<>(acked));
            JsonNode ranking = lb.get("/api/contests/" + id + "/ranking?limit=10000").json();
            assertThat(ranking.size()).isGreaterThanOrEqualTo(acked.size());

            perAddressLimitsSeeTheClientBehindNginx(port, a.port());
        } finally {
            if (nginx != null) {
                nginx.destroy();
                if (!nginx.waitFor(10, TimeUnit.SECONDS)) {
                    nginx.destroyForcibly();
                }
            }
            if (b != null) {
                b.close();
            }
            a.close();
        }
    }

    /**
     * The login throttle counts failures per client address (in the database, for every node): five from client X
     * through nginx lock X out, while client Y, behind the same nginx, is not locked; and a client talking to a node
     * directly cannot borrow an address by sending X-Forwarded-For itself.
     */
    private static void perAddressLimitsSeeTheClientBehindNginx(int nginxPort, int nodePort) throws IOException {
        for (int i = 0; i < 5; i++) {
            assertThat(status(CLIENT_X, nginxPort, "guess" + i, null)).isEqualTo(401);
        }
        assertThat(status(CLIENT_X, nginxPort, "guess-more", null)).as("X is locked out").isEqualTo(429);
        assertThat(status(CLIENT_Y, nginxPort, "other-person", null)).as("Y, behind the same nginx, is not").isEqualTo(401);
        assertThat(status("127.0.0.1", nodePort, "spoofer", CLIENT_X)).as("X-Forwarded-For from a non-proxy is ignored")
                .isEqualTo(401);
        // and through nginx, a forged X-Forwarded-For is replaced by the address nginx saw
        assertThat(status(CLIENT_Y, nginxPort, "forger", CLIENT_X)).isEqualTo(401);
    }

    /** The status of {@code GET /api/admin/contests} with a wrong password, sent from {@code from}. */
    private static int status(String from, int port, String user, String forwardedFor) throws IOException {
        try (Socket s = new Socket()) {
            s.bind(new InetSocketAddress(from, 0));
            s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            s.setSoTimeout(30_000);
            String auth = Base64.getEncoder().encodeToString((user + ":wrong").getBytes(StandardCharsets.UTF_8));
            String request = "GET /api/admin/contests HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nAuthorization: Basic "
                    + auth + "\r\n" + (forwardedFor == null ? "" : "X-Forwarded-For: " + forwardedFor + "\r\n")
                    + "Connection: close\r\n\r\n";
            OutputStream out = s.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            String head = new String(in.readNBytes(12), StandardCharsets.US_ASCII); // "HTTP/1.1 401"
            return Integer.parseInt(head.substring(9, 12));
        }
    }

    /** The node's own count of starts, from its metrics. */
    private static double startsOn(BaitiProcess node) {
        String scrape = new Api(node.port()).as("admin", PASSWORD).get("/actuator/prometheus").body();
        return org.baiti.testing.PrometheusText.value(scrape, "baiti_starts_total");
    }

    private static BaitiProcess node(String url) {
        return BaitiProcess.start(BaitiProcess.freePort(), Map.of("BAITI_ADMIN_PASSWORD", PASSWORD),
                "--spring.datasource.url=" + url, "--baiti.demo=false",
                "--server.forward-headers-strategy=native",
                "--server.tomcat.remoteip.internal-proxies=" + PROXY_ADDRESS.replace(".", "\\."));
    }

    /** nginx in the foreground with its own prefix: the repository's proxy settings, the two nodes upstream. */
    private static Process startNginx(Path prefix, int port, int nodeA, int nodeB) throws Exception {
        Path proxyConf = Path.of("deploy/nginx/baiti-proxy.conf").toAbsolutePath();
        assertThat(proxyConf).exists();
        boolean root = "root".equals(System.getProperty("user.name"));
        String conf = (root ? "user root;\n" : "") + """
                worker_processes 1;
                daemon off;
                pid %1$s/nginx.pid;
                error_log %1$s/error.log info;
                events { worker_connections 512; }
                http {
                    access_log %1$s/access.log;
                    client_body_temp_path %1$s/client_body;
                    proxy_temp_path %1$s/proxy;
                    fastcgi_temp_path %1$s/fastcgi;
                    uwsgi_temp_path %1$s/uwsgi;
                    scgi_temp_path %1$s/scgi;
                    upstream baiti {
                        server 127.0.0.1:%3$d max_fails=1 fail_timeout=10s;
                        server 127.0.0.1:%4$d max_fails=1 fail_timeout=10s;
                        keepalive 16;
                    }
                    server {
                        listen 127.0.0.1:%2$d;
                        server_name localhost;
                        proxy_bind %5$s;
                        include %6$s;
                    }
                }
                """.formatted(prefix, port, nodeA, nodeB, PROXY_ADDRESS, proxyConf);
        Path confFile = prefix.resolve("nginx.conf");
        Files.writeString(confFile, conf);
        Process p = new ProcessBuilder(NGINX.toString(), "-p", prefix.toString(), "-c", confFile.toString(),
                "-e", prefix.resolve("error.log").toString())
                .redirectErrorStream(true).redirectOutput(prefix.resolve("nginx.out").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                throw new AssertionError("nginx exited with " + p.exitValue() + ": "
                        + Files.readString(prefix.resolve("nginx.out")) + readIfThere(prefix.resolve("error.log")));
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return p;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        p.destroyForcibly();
        throw new AssertionError("nginx did not listen on " + port + ": " + readIfThere(prefix.resolve("error.log")));
    }

    private static String readIfThere(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            return e.toString();
        }
    }
}
