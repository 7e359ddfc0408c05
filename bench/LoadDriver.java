import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Load driver for Baiti's benchmarks (BENCHMARKS.md): a fixed pool of N virtual users over the JDK HTTP client
 * (HTTP/1.1, one keep-alive connection per user), each looping request after request, bounded by a request count
 * and a time. Reports throughput, p50/p90/p99/max latency and every failed or non-2xx request.
 *
 * <pre>
 * java bench/LoadDriver.java --base http://127.0.0.1:8080 --scenario ping --concurrency 256 --requests 50000 --seconds 15
 * </pre>
 *
 * Scenarios:
 * <ul>
 *   <li>{@code ping}: {@code GET /api/ping} (touches no database: what the HTTP stack itself does)</li>
 *   <li>{@code attempts}: phase "start" ({@code POST /api/contests/ID/attempts}, a new phone each time), then phase
 *       "submit" (each started attempt submitted once, {@code POST /api/attempts/ID/submit}); the two phases are
 *       measured separately so the submit figure is submits only</li>
 *   <li>{@code ranking}: {@code GET /api/contests/ID/ranking?limit=100}</li>
 *   <li>{@code myrank}: {@code GET /api/attempts/ID} (which answers the person's rank) for random probes of a file of
 *       "attemptId token" lines</li>
 *   <li>{@code draw}: {@code POST /api/admin/contests/ID/draws} (commit, k winners of the offline-perfect pool), then
 *       {@code POST /api/admin/draws/ID/reveal} (the whole published record is read), one after the other</li>
 * </ul>
 * Every phase prints one line {@code RESULT {json}} and appends the JSON to {@code --out} when given.
 */
public class LoadDriver {

    static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    static final Duration TIMEOUT = Duration.ofSeconds(60);

    public static void main(String[] args) throws Exception {
        Map<String, String> o = options(args);
        String scenario = o.getOrDefault("scenario", "ping");
        Run run = new Run(o);
        switch (scenario) {
            case "rounds" -> run.rounds();
            case "ping" -> run.ping();
            case "attempts" -> run.attempts();
            case "ranking" -> run.ranking();
            case "myrank" -> run.myRank();
            case "draw" -> run.draw();
            default -> throw new IllegalArgumentException("unknown scenario " + scenario);
        }
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> o = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --name value pairs, got " + Arrays.toString(args));
            }
            o.put(args[i].substring(2), args[++i]);
        }
        return o;
    }

    /** One request of a virtual user: returns the response, or throws. */
    interface Request {
        HttpResponse<String> send(int user) throws Exception;
    }

    /** What a virtual user checks in a 2xx answer (beyond the status); null when it is right. */
    interface Check {
        String problem(HttpResponse<String> r);
    }

    /** Latencies (nanoseconds) of one virtual user; merged at the end. */
    static final class Recorder {
        long[] nanos = new long[1024];
        int n;

        void add(long v) {
            if (n == nanos.length) {
                nanos = Arrays.copyOf(nanos, n * 2);
            }
            nanos[n++] = v;
        }
    }

    static final class Run {
        final String base;
        final int concurrency;
        final long maxRequests;
        final double seconds;
        final double warmupSeconds;
        final String label;
        final Path out;
        final Map<String, String> o;
        final long serverPid;

        Run(Map<String, String> o) {
            this.o = o;
            this.base = o.getOrDefault("base", "http://127.0.0.1:8080");
            this.concurrency = Integer.parseInt(o.getOrDefault("concurrency", "256"));
            this.maxRequests = Long.parseLong(o.getOrDefault("requests", "50000"));
            this.seconds = Double.parseDouble(o.getOrDefault("seconds", "15"));
            this.warmupSeconds = Double.parseDouble(o.getOrDefault("warmup-seconds", "0"));
            this.label = o.getOrDefault("label", "");
            this.out = o.containsKey("out") ? Path.of(o.get("out")) : null;
            this.serverPid = Long.parseLong(o.getOrDefault("server-pid", "0"));
        }

        /**
         * The submit target's side-by-side measurement in one driver JVM (so the driver is as warm for one figure as
         * for the other): a warm-up of both, then {@code --rounds} times "no-op, then starts and submits".
         */
        void rounds() throws Exception {
            int rounds = Integer.parseInt(o.getOrDefault("rounds", "3"));
            String name = label;
            Run warm = new Run(with("label", name + " warm-up", "warmup-seconds", "0", "seconds", String.valueOf(warmupSeconds)));
            if (warmupSeconds > 0) {
                System.err.println("warm-up: " + warmupSeconds + " s of no-op, then starts and submits");
                double rps = warm.pingPhase(false);
                warm.attemptsPhases(0, false, rps);
            }
            for (int r = 1; r <= rounds; r++) {
                Run round = new Run(with("label", name + " round " + r, "warmup-seconds", "0"));
                double rps = round.pingPhase(true);
                round.attemptsPhases(r, true, rps);
            }
        }

        Map<String, String> with(String... kv) {
            Map<String, String> m = new HashMap<>(o);
            for (int i = 0; i < kv.length; i += 2) {
                m.put(kv[i], kv[i + 1]);
            }
            return m;
        }

        /** The no-op endpoint for {@code --seconds}; answers its throughput. */
        double pingPhase(boolean report) throws Exception {
            HttpRequest req = HttpRequest.newBuilder(URI.create(base + "/api/ping")).timeout(TIMEOUT).GET().build();
            Request r = u -> CLIENT.send(req, HttpResponse.BodyHandlers.ofString());
            Check c = resp -> resp.body().contains("\"ok\":true") ? null : "unexpected body " + resp.body();
            return ((Number) phase("ping", r, c, report ? maxRequests : Long.MAX_VALUE, seconds, report).get("rps"))
                    .doubleValue();
        }

        void ping() throws Exception {
            HttpRequest req = HttpRequest.newBuilder(URI.create(base + "/api/ping")).timeout(TIMEOUT).GET().build();
            Request r = u -> CLIENT.send(req, HttpResponse.BodyHandlers.ofString());
            Check c = resp -> resp.body().contains("\"ok\":true") ? null : "unexpected body " + resp.body();
            if (warmupSeconds > 0) {
                phase("ping-warmup", r, c, Long.MAX_VALUE, warmupSeconds, false);
            }
            phase("ping", r, c, maxRequests, seconds, true);
        }

        void ranking() throws Exception {
            String contest = o.get("contest");
            HttpRequest req = HttpRequest.newBuilder(URI.create(base + "/api/contests/" + contest + "/ranking?limit=100"))
                    .timeout(TIMEOUT).GET().build();
            Request r = u -> CLIENT.send(req, HttpResponse.BodyHandlers.ofString());
            Check c = resp -> resp.body().contains("\"rank\":100,") ? null : "fewer than 100 ranks: "
                    + resp.body().substring(0, Math.min(200, resp.body().length()));
            if (warmupSeconds > 0) {
                phase("ranking-warmup", r, c, Long.MAX_VALUE, warmupSeconds, false);
            }
            phase("ranking", r, c, maxRequests, seconds, true);
        }

        void myRank() throws Exception {
            List<String[]> probes = new ArrayList<>();
            for (String line : Files.readAllLines(Path.of(o.get("probes")))) {
                if (!line.isBlank()) {
                    probes.add(line.strip().split("\\s+"));
                }
            }
            Request r = u -> {
                String[] p = probes.get(ThreadLocalRandom.current().nextInt(probes.size()));
                HttpRequest req = HttpRequest.newBuilder(URI.create(base + "/api/attempts/" + p[0]))
                        .timeout(TIMEOUT).header("Authorization", "Bearer " + p[1]).GET().build();
                return CLIENT.send(req, HttpResponse.BodyHandlers.ofString());
            };
            Check c = resp -> resp.body().contains("\"rank\":") ? null : "no rank in the answer";
            if (warmupSeconds > 0) {
                phase("myrank-warmup", r, c, Long.MAX_VALUE, warmupSeconds, false);
            }
            phase("myrank", r, c, maxRequests, seconds, true);
        }

        /** Started attempts waiting for their submit: id, token, the body to submit (UTF-8, encoded once). */
        record Started(String id, String token, byte[] submitBody) {
        }

        void attempts() throws Exception {
            if (warmupSeconds > 0) {
                new Run(with("label", label + " warm-up", "seconds", String.valueOf(warmupSeconds))).attemptsPhases(0, false, 0);
            }
            attemptsPhases(1, true, 0);
        }

        /**
         * Starts for {@code --seconds} (or {@code --requests}), then every started attempt submitted once (closed
         * loop: as fast as the users get answers). Given the no-op throughput {@code pingRps} of the same round, then
         * also submits at a fixed rate of {@code --paced-share} (default 0.5) of it, open loop over the same
         * connections, for {@code --paced-seconds} (default 5): the latency the submit target asks about, at the
         * throughput it asks for (attempts started for it first, not measured).
         */
        void attemptsPhases(int round, boolean report, double pingRps) throws Exception {
            String contest = o.get("contest");
            String[] units = o.getOrDefault("units", "U1").split(",");
            // phones never repeat: a block of 10,000,000 per round (round 0 is the warm-up)
            long phoneBase = Long.parseLong(o.getOrDefault("phone-base", "0")) + round * 10_000_000L;
            AtomicLong phones = new AtomicLong();
            ConcurrentLinkedQueue<Started> started = new ConcurrentLinkedQueue<>();
            URI startUri = URI.create(base + "/api/contests/" + contest + "/attempts");
            Request start = u -> {
                long n = phones.getAndIncrement();
                String phone = Long.toString(15_000_000_000L + phoneBase + n);
                String body = "{\"name\":\"压测" + n + "\",\"phone\":\"" + phone + "\",\"unit\":\""
                        + units[(int) (n % units.length)] + "\"}";
                HttpRequest req = HttpRequest.newBuilder(startUri).timeout(TIMEOUT)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
                HttpResponse<String> resp = CLIENT.send(req, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                if (resp.statusCode() == 201) {
                    started.add(startedOf(resp.body()));
                }
                return resp;
            };
            Request submit = u -> {
                Started s = started.poll();
                if (s == null) {
                    return null; // nothing left to submit: this user is done
                }
                HttpRequest req = HttpRequest.newBuilder(URI.create(base + "/api/attempts/" + s.id() + "/submit"))
                        .timeout(TIMEOUT).header("Content-Type", "application/json")
                        .header("Authorization", "Bearer " + s.token())
                        .POST(HttpRequest.BodyPublishers.ofByteArray(s.submitBody())).build();
                return CLIENT.send(req, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            };
            Check startCheck = resp -> resp.statusCode() == 201 ? null : "status " + resp.statusCode();
            Check submitCheck = resp -> resp.body().contains("\"score\":") && resp.body().contains("\"rank\":")
                    ? null : "no score or rank: " + resp.body();
            phase("start", start, startCheck, maxRequests, seconds, report);
            phase("submit", submit, submitCheck, Long.MAX_VALUE, seconds * 6, report);
            double share = Double.parseDouble(o.getOrDefault("paced-share", "0.5"));
            double pacedSeconds = Double.parseDouble(o.getOrDefault("paced-seconds", "5"));
            if (pingRps > 0 && share > 0 && pacedSeconds > 0) {
                double rate = pingRps * share;
                long needed = (long) Math.ceil(rate * pacedSeconds);
                started.clear();
                phase("start-for-paced", start, startCheck, needed, seconds * 6, false);
                phase("submit-paced", submit, submitCheck, Math.min(needed, started.size()), pacedSeconds * 12, report,
                        rate);
            }
        }

        void draw() throws Exception {
            String contest = o.get("contest");
            String auth = "Basic " + Base64.getEncoder().encodeToString(
                    ("admin:" + o.get("password")).getBytes(StandardCharsets.UTF_8));
            int k = Integer.parseInt(o.getOrDefault("k", "140"));
            int rounds = Integer.parseInt(o.getOrDefault("rounds", "1"));
            for (int round = 1; round <= rounds; round++) {
                String body = "{\"name\":\"基准抽奖 " + round + "\",\"k\":" + k + ",\"pool\":\"offline-perfect\","
                        + "\"seedSources\":\"benchmark: fixed seed strings\"}";
                long t0 = System.nanoTime();
                HttpResponse<String> commit = CLIENT.send(HttpRequest.newBuilder(
                                URI.create(base + "/api/admin/contests/" + contest + "/draws"))
                        .timeout(Duration.ofMinutes(10)).header("Authorization", auth)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                        HttpResponse.BodyHandlers.ofString());
                long t1 = System.nanoTime();
                if (commit.statusCode() != 201) {
                    throw new IllegalStateException("commit answered " + commit.statusCode() + ": " + commit.body());
                }
                Map<String, Object> c = asMap(Json.parse(commit.body()));
                String drawId = String.valueOf(c.get("id"));
                HttpResponse<byte[]> reveal = CLIENT.send(HttpRequest.newBuilder(
                                URI.create(base + "/api/admin/draws/" + drawId + "/reveal"))
                        .timeout(Duration.ofMinutes(10)).header("Authorization", auth)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"seed\":[\"benchmark\",\"" + round + "\"]}"))
                        .build(), HttpResponse.BodyHandlers.ofByteArray());
                long t2 = System.nanoTime();
                if (reveal.statusCode() != 200) {
                    throw new IllegalStateException("reveal answered " + reveal.statusCode());
                }
                String record = new String(reveal.body(), StandardCharsets.UTF_8);
                int w = record.lastIndexOf("\"winners\"");
                int winners = w < 0 ? 0 : asList(Json.parse(record.substring(record.indexOf('[', w),
                        record.indexOf(']', w) + 1))).size();
                if (winners != k) {
                    throw new IllegalStateException("the sealed record lists " + winners + " winners, not " + k);
                }
                Map<String, Object> result = new LinkedHashMap<>();
                result.put("label", label);
                result.put("scenario", "draw");
                result.put("round", round);
                result.put("n", c.get("n"));
                result.put("k", k);
                result.put("commitMs", ms(t1 - t0));
                result.put("revealMs", ms(t2 - t1));
                result.put("totalMs", ms(t2 - t0));
                result.put("recordBytes", reveal.body().length);
                result.put("failed", 0);
                report(result);
            }
        }

        /**
         * Runs one phase: {@code concurrency} users loop until {@code limit} requests were sent or the time is up (or
         * a request returns null: nothing left to do).
         */
        Map<String, Object> phase(String name, Request request, Check check, long limit, double secs, boolean report)
                throws InterruptedException {
            return phase(name, request, check, limit, secs, report, 0);
        }

        /**
         * With {@code rate > 0} the phase is an open loop: request {@code j} is due at {@code start + j / rate}
         * whatever became of the earlier ones, the {@code concurrency} users (connections) take them in turn, and a
         * request's latency counts from the moment it was due, so time spent waiting for a free connection is in it
         * (no coordinated omission). A server that keeps up shows its service time; one that can't, a growing queue.
         */
        Map<String, Object> phase(String name, Request request, Check check, long limit, double secs, boolean report,
                                  double rate) throws InterruptedException {
            AtomicLong issued = new AtomicLong();
            AtomicInteger failed = new AtomicInteger();
            AtomicInteger non2xx = new AtomicInteger();
            Map<String, AtomicInteger> errors = new java.util.concurrent.ConcurrentHashMap<>();
            Recorder[] recorders = new Recorder[concurrency];
            long serverCpu0 = cpuMillis(serverPid);
            long driverCpu0 = cpuMillis(ProcessHandle.current().pid());
            long startNs = System.nanoTime();
            long deadline = startNs + (long) (secs * 1e9);
            Thread[] users = new Thread[concurrency];
            long[] lastEnd = new long[concurrency];
            for (int i = 0; i < concurrency; i++) {
                int user = i;
                recorders[i] = new Recorder();
                users[i] = new Thread(() -> {
                    while (System.nanoTime() < deadline) {
                        long j = issued.getAndIncrement();
                        if (j >= limit) {
                            break;
                        }
                        long t0;
                        if (rate > 0) {
                            t0 = startNs + (long) (j * 1e9 / rate);
                            for (long wait = t0 - System.nanoTime(); wait > 0; wait = t0 - System.nanoTime()) {
                                java.util.concurrent.locks.LockSupport.parkNanos(wait);
                            }
                        } else {
                            t0 = System.nanoTime();
                        }
                        try {
                            HttpResponse<String> resp = request.send(user);
                            if (resp == null) {
                                break;
                            }
                            long t1 = System.nanoTime();
                            recorders[user].add(t1 - t0);
                            lastEnd[user] = t1;
                            if (resp.statusCode() / 100 != 2) {
                                non2xx.incrementAndGet();
                                errors.computeIfAbsent(resp.statusCode() + " " + abbreviate(resp.body()),
                                        k -> new AtomicInteger()).incrementAndGet();
                            } else {
                                String problem = check.problem(resp);
                                if (problem != null) {
                                    failed.incrementAndGet();
                                    errors.computeIfAbsent(abbreviate(problem), k -> new AtomicInteger())
                                            .incrementAndGet();
                                }
                            }
                        } catch (Exception e) {
                            long t1 = System.nanoTime();
                            recorders[user].add(t1 - t0);
                            lastEnd[user] = t1;
                            failed.incrementAndGet();
                            errors.computeIfAbsent(e.getClass().getSimpleName() + ": " + abbreviate(String.valueOf(
                                    e.getMessage())), k -> new AtomicInteger()).incrementAndGet();
                        }
                    }
                }, "vu-" + i);
                users[i].start();
            }
            for (Thread t : users) {
                t.join();
            }
            long serverCpu = cpuMillis(serverPid) - serverCpu0;
            long driverCpu = cpuMillis(ProcessHandle.current().pid()) - driverCpu0;
            long endNs = startNs;
            for (long e : lastEnd) {
                endNs = Math.max(endNs, e);
            }
            int total = 0;
            for (Recorder r : recorders) {
                total += r.n;
            }
            long[] all = new long[total];
            int p = 0;
            for (Recorder r : recorders) {
                System.arraycopy(r.nanos, 0, all, p, r.n);
                p += r.n;
            }
            Arrays.sort(all);
            double elapsed = (endNs - startNs) / 1e9;
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("label", label);
            result.put("scenario", name);
            result.put("concurrency", concurrency);
            if (rate > 0) {
                result.put("offeredRps", Math.round(rate));
            }
            result.put("requests", total);
            result.put("failed", failed.get());
            result.put("non2xx", non2xx.get());
            result.put("seconds", Math.round(elapsed * 1000) / 1000.0);
            result.put("rps", total == 0 ? 0 : Math.round(total / elapsed));
            result.put("p50", ms(pct(all, 0.50)));
            result.put("p90", ms(pct(all, 0.90)));
            result.put("p99", ms(pct(all, 0.99)));
            result.put("max", ms(total == 0 ? 0 : all[total - 1]));
            if (serverPid > 0 && total > 0) {
                // CPU time (user + system) the server and the driver used per request: unlike throughput, hardly
                // changed by what else runs on the machine
                result.put("serverCpuMs", Math.round(serverCpu * 1000.0 / total) / 1000.0);
                result.put("driverCpuMs", Math.round(driverCpu * 1000.0 / total) / 1000.0);
                result.put("serverCpuShare", Math.round(serverCpu / (elapsed * 10.0)) / 100.0);
            }
            if (!errors.isEmpty()) {
                result.put("errors", errors.toString());
                errors.forEach((k, v) -> System.err.println(name + ": " + v + " x " + k));
            }
            if (report) {
                report(result);
            } else {
                System.err.println("(not measured) " + Json.write(result));
            }
            return result;
        }

        void report(Map<String, Object> result) {
            String json = Json.write(result);
            System.out.println("RESULT " + json);
            if (out != null) {
                try {
                    Files.writeString(out, json + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        }
    }

    /** The attempt id, token and a submit body (the first option of every question) of a start answer. */
    static Run.Started startedOf(String body) {
        Map<String, Object> m = asMap(Json.parse(body));
        StringBuilder sb = new StringBuilder("{\"answers\":{");
        boolean first = true;
        for (Object q : asList(m.get("questions"))) {
            Map<String, Object> question = asMap(q);
            List<Object> options = asList(question.get("options"));
            Object chosen = asMap(options.get(ThreadLocalRandom.current().nextInt(options.size()))).get("id");
            sb.append(first ? "" : ",").append(Json.write(question.get("id"))).append(":[")
                    .append(Json.write(chosen)).append("]");
            first = false;
        }
        sb.append("}}");
        return new Run.Started((String) m.get("attemptId"), (String) m.get("token"),
                sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** User + system CPU time of a process in milliseconds, from /proc (0 when unknown). */
    static long cpuMillis(long pid) {
        if (pid <= 0) {
            return 0;
        }
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // fields 14 and 15 of stat(5), counted from the state field (3) on: utime, stime, in clock ticks (1/100 s)
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    static long pct(long[] sorted, double q) {
        if (sorted.length == 0) {
            return 0;
        }
        int i = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    static double ms(long nanos) {
        return Math.round(nanos / 10_000.0) / 100.0;
    }

    static String abbreviate(String s) {
        String t = s == null ? "" : s.replaceAll("\\s+", " ");
        return t.length() > 160 ? t.substring(0, 160) + "…" : t;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> asMap(Object o) {
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    static List<Object> asList(Object o) {
        return (List<Object>) o;
    }

    /** Just enough JSON for the driver: objects, arrays, strings, numbers, booleans, null. */
    static final class Json {
        private final String s;
        private int i;

        private Json(String s) {
            this.s = s;
        }

        static Object parse(String s) {
            Json j = new Json(s);
            Object v = j.value();
            j.ws();
            if (j.i != s.length()) {
                throw new IllegalArgumentException("trailing text at " + j.i);
            }
            return v;
        }

        private void ws() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }

        private Object value() {
            ws();
            char c = s.charAt(i);
            switch (c) {
                case '{': {
                    Map<String, Object> m = new LinkedHashMap<>();
                    i++;
                    ws();
                    if (s.charAt(i) == '}') {
                        i++;
                        return m;
                    }
                    while (true) {
                        ws();
                        String k = string();
                        ws();
                        expect(':');
                        m.put(k, value());
                        ws();
                        if (s.charAt(i) == ',') {
                            i++;
                        } else {
                            expect('}');
                            return m;
                        }
                    }
                }
                case '[': {
                    List<Object> l = new ArrayList<>();
                    i++;
                    ws();
                    if (s.charAt(i) == ']') {
                        i++;
                        return l;
                    }
                    while (true) {
                        l.add(value());
                        ws();
                        if (s.charAt(i) == ',') {
                            i++;
                        } else {
                            expect(']');
                            return l;
                        }
                    }
                }
                case '"':
                    return string();
                case 't':
                    i += 4;
                    return Boolean.TRUE;
                case 'f':
                    i += 5;
                    return Boolean.FALSE;
                case 'n':
                    i += 4;
                    return null;
                default: {
                    int from = i;
                    while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) {
                        i++;
                    }
                    String num = s.substring(from, i);
                    if (num.contains(".") || num.contains("e") || num.contains("E")) {
                        return Double.parseDouble(num);
                    }
                    return Long.parseLong(num);
                }
            }
        }

        private void expect(char c) {
            if (s.charAt(i) != c) {
                throw new IllegalArgumentException("expected " + c + " at " + i);
            }
            i++;
        }

        private String string() {
            expect('"');
            StringBuilder sb = new StringBuilder();
            while (true) {
                char c = s.charAt(i++);
                if (c == '"') {
                    return sb.toString();
                }
                if (c == '\\') {
                    char e = s.charAt(i++);
                    switch (e) {
                        case 'n' -> sb.append('\n');
                        case 't' -> sb.append('\t');
                        case 'r' -> sb.append('\r');
                        case 'b' -> sb.append('\b');
                        case 'f' -> sb.append('\f');
                        case 'u' -> {
                            sb.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                            i += 4;
                        }
                        default -> sb.append(e);
                    }
                } else {
                    sb.append(c);
                }
            }
        }

        static String write(Object v) {
            if (v == null) {
                return "null";
            }
            if (v instanceof String str) {
                StringBuilder sb = new StringBuilder("\"");
                for (char c : str.toCharArray()) {
                    switch (c) {
                        case '"' -> sb.append("\\\"");
                        case '\\' -> sb.append("\\\\");
                        case '\n' -> sb.append("\\n");
                        case '\r' -> sb.append("\\r");
                        case '\t' -> sb.append("\\t");
                        default -> {
                            if (c < 0x20) {
                                sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                            } else {
                                sb.append(c);
                            }
                        }
                    }
                }
                return sb.append('"').toString();
            }
            if (v instanceof Map<?, ?> m) {
                StringBuilder sb = new StringBuilder("{");
                boolean first = true;
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    sb.append(first ? "" : ",").append(write(String.valueOf(e.getKey()))).append(':')
                            .append(write(e.getValue()));
                    first = false;
                }
                return sb.append('}').toString();
            }
            if (v instanceof List<?> l) {
                StringBuilder sb = new StringBuilder("[");
                for (int k = 0; k < l.size(); k++) {
                    sb.append(k == 0 ? "" : ",").append(write(l.get(k)));
                }
                return sb.append(']').toString();
            }
            return String.valueOf(v);
        }
    }
}
