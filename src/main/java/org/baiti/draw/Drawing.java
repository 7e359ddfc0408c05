package org.baiti.draw;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.FutureTask;

import org.baiti.Dialect;
import org.baiti.Ids;
import org.baiti.audit.AuditLog;
import org.baiti.contest.Contest;
import org.baiti.contest.Contesting;
import org.baiti.ops.ContestMetrics;
import org.baiti.web.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The life of a public draw (SPEC §5): commit (freeze the pool, publish its digest), reveal (enter the seed, compute
 * the winners with {@link DrawAlgorithm}, seal). A sealed draw never runs again; every commitment stays on record.
 */
@Service
public class Drawing {

    private static final Logger log = LoggerFactory.getLogger(Drawing.class);

    private static final TypeReference<List<Map<String, String>>> WINNER_ENTRIES = new TypeReference<>() {
    };

    static final int MAX_NAME = 200;
    static final int MAX_SEED_SOURCES = 2000;
    static final int MAX_TIER_NAME = 50;
    static final int MAX_SEED_STRINGS = 100;
    static final int MAX_SEED_LENGTH = 1000;

    private final Draws draws;
    private final Contesting contesting;
    private final Clock clock;
    private final AuditLog audit;
    private final JsonMapper json;
    private final FrozenPoolCache cache;
    private final String compression;
    private final ContestMetrics metrics;

    Drawing(Draws draws, Contesting contesting, Clock clock, AuditLog audit, JsonMapper json, FrozenPoolCache cache,
            Dialect dialect, @Value("${baiti.draw.pool-compression:}") String compression, ContestMetrics metrics) {
        this.metrics = metrics;
        this.draws = draws;
        this.contesting = contesting;
        this.clock = clock;
        this.audit = audit;
        this.json = json;
        this.cache = cache;
        if (compression == null || compression.isBlank()) {
            // Measured (docs/draw.md): SQLite stores and reads 50 MB blobs faster than deflate runs; PostgreSQL would
            // otherwise compress them itself (TOAST) more slowly.
            compression = dialect == Dialect.SQLITE ? FrozenPool.IDENTITY : FrozenPool.DEFLATE;
        }
        if (!FrozenPool.DEFLATE.equals(compression) && !FrozenPool.IDENTITY.equals(compression)) {
            throw new IllegalArgumentException("baiti.draw.pool-compression must be deflate or identity");
        }
        this.compression = compression;
    }

    /** What the organizer commits to: {@code tiers} may be null; their counts must add up to {@code k}. */
    public record CommitCommand(String name, Integer k, String pool, String seedSources, List<TierSpec> tiers) {
    }

    /** A tier as entered (fields may be missing; they are checked). */
    public record TierSpec(String name, Integer count) {
    }

    /** Whether a ticket is in a draw's pool and, once sealed, whether and where it won. */
    public record PoolHit(String key, boolean inPool, String name, String unit, Integer place, String tier) {
    }

    /**
     * Commits a draw: checks the command, snapshots the pool into the draw's entries (sorted by UTF-8 bytes, names
     * masked) and publishes {@code P}, {@code n} and {@code k}.
     *
     * @throws ApiException 404 for an unknown contest, 400 for an invalid command, an unknown pool kind, an empty
     *                      pool or {@code k} outside {@code 1..n}
     */
    @Transactional
    public DrawRecord commit(long contestId, CommitCommand cmd, String who) {
        Contest contest = contesting.get(contestId);
        if (cmd == null) {
            throw ApiException.badRequest("invalid_field", "缺少请求内容", "Missing request body");
        }
        List<Map<String, String>> errors = new ArrayList<>();
        String name = cmd.name() == null ? "" : cmd.name().strip();
        if (name.isEmpty()) {
            errors.add(field("name", "必填", "required"));
        } else if (name.length() > MAX_NAME) {
            errors.add(field("name", "不能超过 " + MAX_NAME + " 个字符", "at most " + MAX_NAME + " characters"));
        }
        String sources = cmd.seedSources() == null ? "" : cmd.seedSources().strip();
        if (sources.isEmpty()) {
            errors.add(field("seedSources", "必填：说明种子将如何产生", "required: how the seed will be made"));
        } else if (sources.length() > MAX_SEED_SOURCES) {
            errors.add(field("seedSources", "不能超过 " + MAX_SEED_SOURCES + " 个字符",
                    "at most " + MAX_SEED_SOURCES + " characters"));
        }
        if (cmd.pool() == null || cmd.pool().isBlank()) {
            errors.add(field("pool", "必填（" + DrawRecord.OFFLINE_PERFECT + "）",
                    "required (" + DrawRecord.OFFLINE_PERFECT + ")"));
        }
        if (cmd.k() == null) {
            errors.add(field("k", "必填", "required"));
        } else if (cmd.k() < 1) {
            errors.add(field("k", "中奖人数至少为 1", "the number of winners must be at least 1"));
        }
        List<DrawRecord.Tier> tiers = tiers(cmd.tiers(), cmd.k(), errors);
        if (!errors.isEmpty()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "invalid_field", "抽奖设置有误 / Invalid draw", errors);
        }
        if (!DrawRecord.OFFLINE_PERFECT.equals(cmd.pool().strip())) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "unknown_pool",
                    "未知的抽奖池 / Unknown pool kind: " + cmd.pool(),
                    List.of(field("pool", "可用：" + DrawRecord.OFFLINE_PERFECT,
                            "supported: " + DrawRecord.OFFLINE_PERFECT)));
        }

        long start = System.nanoTime();
        PoolCandidates candidates = draws.offlinePerfect(contest.id());
        long read = System.nanoTime();
        int n = candidates.size();
        if (n == 0) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "empty_pool", "池为空 / the pool is empty",
                    List.of(field("pool", "本竞赛还没有线下满分成绩", "this contest has no offline perfect scores yet")));
        }
        int k = cmd.k();
        if (k > n) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "invalid_field", "抽奖设置有误 / Invalid draw",
                    List.of(field("k", "中奖人数应在 1 到 " + n + "（池中人数）之间",
                            "the number of winners must be between 1 and n = " + n)));
        }

        // The keys come as UTF-8 already; one radix sort by those bytes (the algorithm's own); the sorted keys with a
        // line feed each are both the stored key blob and the preimage of P.
        EncodedPool encoded = EncodedPool.sortUtf8(candidates.keyBytes(), candidates.keyOffsets(), n,
                candidates.firstInvalidKey());
        if (encoded.firstInvalid() >= 0) {
            String key = candidates.key(encoded.firstInvalid());
            String problem = DrawAlgorithm.keyProblem(key);
            problem = problem == null ? "is not valid Unicode" : problem;
            throw new ApiException(HttpStatus.BAD_REQUEST, "invalid_pool",
                    "抽奖池中有无效的准考证号 / The pool holds an invalid ticket",
                    List.of(field("pool", "准考证号 \"" + key + "\" 无效", "ticket \"" + key + "\" " + problem)));
        }
        if (encoded.firstDuplicate() >= 0) {
            throw new IllegalStateException("duplicate ticket in offline_result despite its primary key");
        }
        byte[] keyBlob = encoded.sortedPreimage();
        String poolDigest = DrawAlgorithm.hex(DrawAlgorithm.sha256().digest(keyBlob));
        long sorted = System.nanoTime();
        // Masked names and unit names are JSON text already (masked as they were read): copied, not generated.
        byte[] display = candidates.display(encoded.order());
        long rendered = System.nanoTime();
        Draws.StoredPool stored = new Draws.StoredPool(compression, FrozenPool.encode(keyBlob, compression),
                FrozenPool.encode(display, compression));
        long compressed = System.nanoTime();
        DrawRecord draw = new DrawRecord(Ids.next(), contest.id(), name, k, DrawRecord.OFFLINE_PERFECT, sources,
                tiers, poolDigest, n, DrawRecord.Status.COMMITTED, now(), who, null, null, null, null, null);
        draws.insert(draw, stored);
        long written = System.nanoTime();
        Map<String, Object> detail = new java.util.LinkedHashMap<>();
        detail.put("drawId", draw.id());
        detail.put("pool", DrawRecord.OFFLINE_PERFECT);
        detail.put("poolDigest", poolDigest);
        detail.put("n", n);
        detail.put("k", k);
        detail.put("seedSources", sources);
        audit.record(who, "draw.commit", contest.id(), name, detail);
        metrics.drawCommitted();
        log.info("Committed draw {} of contest {}: n = {}, k = {}, P = {} (read {} ms, sort and digest {} ms, "
                        + "render {} ms, {} {} ms, store {} ms: keys {} B, display {} B)", draw.id(), contest.id(), n,
                k, poolDigest, ms(read - start), ms(sorted - read), ms(rendered - sorted), compression,
                ms(compressed - rendered), ms(written - compressed), stored.keys().length, stored.display().length);
        return draw;
    }

    /**
     * Reveals a committed draw: checks the seed, recomputes {@code P} from the frozen pool, computes {@code D} and the
     * winners and seals the draw.
     *
     * @throws ApiException 404 for an unknown draw, 409 {@code already_sealed} when it was sealed before, 400 for an
     *                      invalid seed
     */
    @Transactional
    public DrawRecord reveal(long drawId, List<String> seed, String who) {
        DrawRecord draw = get(drawId);
        if (draw.sealed()) {
            throw alreadySealed();
        }
        checkSeed(seed);
        long start = System.nanoTime();
        Optional<Draws.StoredPool> stored = draws.pool(drawId);
        if (stored.isEmpty()) {
            return revealLegacy(draw, seed, who, start);
        }
        long fetched = System.nanoTime();
        byte[] keyBlob;
        FrozenPool pool;
        byte[] poolDigest;
        long hashed;
        long decoded;
        // The display blob (the larger one) is inflated on a second thread while this one inflates and hashes the keys.
        FutureTask<byte[]> displayBlob = new FutureTask<>(
                () -> FrozenPool.decode(stored.get().display(), stored.get().compression()));
        if (FrozenPool.IDENTITY.equals(stored.get().compression())) {
            displayBlob.run();
        } else {
            Thread inflater = new Thread(displayBlob, "draw-pool-inflate");
            inflater.setDaemon(true);
            inflater.start();
        }
        try {
            keyBlob = FrozenPool.decode(stored.get().keys(), stored.get().compression());
            poolDigest = DrawAlgorithm.sha256().digest(keyBlob);
            if (!DrawAlgorithm.hex(poolDigest).equals(draw.poolDigest())) {
                throw poolChanged();
            }
            hashed = System.nanoTime();
            byte[] display = FrozenPool.await(displayBlob);
            decoded = System.nanoTime();
            pool = FrozenPool.open(keyBlob, display);
        } catch (FrozenPool.Mismatch e) {
            log.warn("Draw {}: stored pool is inconsistent: {}", drawId, e.getMessage());
            throw poolChanged();
        }
        if (pool.size() != draw.n()) {
            throw poolChanged();
        }
        long read = System.nanoTime();
        byte[] seedDigest = DrawAlgorithm.seedDigest(poolDigest, draw.k(), seed);
        int[] positions = DrawAlgorithm.selectPositions(pool.size(), draw.k(), seedDigest);
        List<String> winners = new ArrayList<>(positions.length);
        List<Map<String, String>> winnerEntries = new ArrayList<>(positions.length);
        for (int p : positions) {
            DrawRecord.Entry e = pool.entry(p);
            winners.add(e.key());
            Map<String, String> w = new LinkedHashMap<>();
            w.put("key", e.key());
            w.put("name", e.name());
            w.put("unit", e.unit());
            winnerEntries.add(w);
        }
        String seedDigestHex = DrawAlgorithm.hex(seedDigest);
        long drawn = System.nanoTime();
        if (!draws.seal(drawId, seed, seedDigestHex, winners, json.writeValueAsString(winnerEntries), now(), who)) {
            throw alreadySealed();
        }
        cache.put(drawId, pool);
        audit(draw, seed, seedDigestHex, winners, who);
        log.info("Sealed draw {}: D = {} (read and check pool {} ms: fetch {} ms, keys and P {} ms, display {} ms, "
                        + "check {} ms; draw {} ms, seal {} ms)", drawId, seedDigestHex, ms(read - start),
                ms(fetched - start), ms(hashed - fetched), ms(decoded - hashed), ms(read - decoded), ms(drawn - read),
                ms(System.nanoTime() - drawn));
        return get(drawId);
    }

    /** The reveal of a draw committed before draw_pool existed: its pool is in draw_entry rows. */
    private DrawRecord revealLegacy(DrawRecord draw, List<String> seed, String who, long start) {
        long drawId = draw.id();
        List<String> pool = draws.poolKeys(drawId);
        long read = System.nanoTime();
        DrawAlgorithm.Result result = DrawAlgorithm.draw(pool, draw.k(), seed);
        long drawn = System.nanoTime();
        if (pool.size() != draw.n() || !result.poolDigestHex().equals(draw.poolDigest())
                || !result.sortedPool().equals(pool)) {
            throw poolChanged();
        }
        List<String> winners = result.winners();
        if (!draws.seal(drawId, seed, result.seedDigestHex(), winners, null, now(), who)) {
            throw alreadySealed();
        }
        audit(draw, seed, result.seedDigestHex(), winners, who);
        log.info("Sealed draw {}: D = {} (read pool {} ms, draw {} ms, seal {} ms)", drawId, result.seedDigestHex(),
                ms(read - start), ms(drawn - read), ms(System.nanoTime() - drawn));
        return get(drawId);
    }

    private void audit(DrawRecord draw, List<String> seed, String seedDigest, List<String> winners, String who) {
        long drawId = draw.id();
        Map<String, Object> detail = new java.util.LinkedHashMap<>();
        detail.put("drawId", drawId);
        detail.put("seed", seed);
        detail.put("seedDigest", seedDigest);
        detail.put("winners", winners);
        audit.record(who, "draw.reveal", draw.contestId(), draw.name(), detail);
        metrics.drawRevealed();
    }

    private static ApiException poolChanged() {
        return ApiException.conflict("pool_changed", "抽奖池与承诺时公布的摘要不一致，拒绝开奖",
                "The stored pool no longer matches the committed digest; the draw is refused");
    }

    public DrawRecord get(long drawId) {
        return draws.find(drawId).orElseThrow(() -> ApiException.notFound("抽奖不存在", "No such draw"));
    }

    /** Every draw ever committed for the contest (abandoned ones included), in commit order. */
    public List<DrawRecord> forContest(long contestId) {
        contesting.get(contestId);
        return draws.forContest(contestId);
    }

    /** How many entries a draw of the contest's offline perfect scorers would have now. */
    public int currentPoolSize(long contestId) {
        return draws.countOfflinePerfect(contestId);
    }

    /** The winners in draw order with masked name, unit and tier; empty before the reveal. */
    public List<DrawRecord.Winner> winners(DrawRecord draw) {
        if (draw.winners() == null) {
            return List.of();
        }
        Optional<String> stored = draws.winnerEntries(draw.id());
        Map<String, DrawRecord.Entry> entries = new HashMap<>();
        if (stored.isPresent()) {
            for (Map<String, String> w : json.readValue(stored.get(), WINNER_ENTRIES)) {
                entries.put(w.get("key"), new DrawRecord.Entry(-1, w.get("key"), w.get("name"), w.get("unit")));
            }
        } else {
            entries = draws.entries(draw.id(), draw.winners()); // a draw of the draw_entry form
        }
        List<DrawRecord.Winner> out = new ArrayList<>(draw.winners().size());
        for (int i = 0; i < draw.winners().size(); i++) {
            String key = draw.winners().get(i);
            DrawRecord.Entry e = entries.get(key);
            out.add(new DrawRecord.Winner(i + 1, key, e == null ? "" : e.name(), e == null ? "" : e.unit(),
                    draw.tierOf(i)));
        }
        return out;
    }

    /** The winners grouped by tier, in tier order (one group named null when the draw has no tiers). */
    public static Map<String, List<DrawRecord.Winner>> byTier(List<DrawRecord.Winner> winners) {
        Map<String, List<DrawRecord.Winner>> out = new LinkedHashMap<>();
        for (DrawRecord.Winner w : winners) {
            out.computeIfAbsent(w.tier(), t -> new ArrayList<>()).add(w);
        }
        return out;
    }

    /** Looks a ticket up in a draw's pool (the same facts the public record shows, nothing more). */
    public PoolHit findInPool(DrawRecord draw, String ticket) {
        String key = ticket == null ? "" : ticket.strip();
        Optional<DrawRecord.Entry> e = Optional.empty();
        if (!key.isEmpty()) {
            Optional<FrozenPool> pool = frozenPool(draw.id());
            if (pool.isPresent()) {
                int p = pool.get().find(key);
                e = p < 0 ? Optional.empty() : Optional.of(pool.get().entry(p));
            } else {
                e = draws.entry(draw.id(), key);
            }
        }
        if (e.isEmpty()) {
            return new PoolHit(key, false, null, null, null, null);
        }
        Integer place = null;
        String tier = null;
        if (draw.winners() != null) {
            int i = draw.winners().indexOf(key);
            if (i >= 0) {
                place = i + 1;
                tier = draw.tierOf(i);
            }
        }
        return new PoolHit(key, true, e.get().name(), e.get().unit(), place, tier);
    }

    /** Streams the frozen pool of a draw of the old draw_entry form in sorted order. */
    void forEachEntry(long drawId, java.util.function.Consumer<DrawRecord.Entry> action) {
        draws.forEachEntry(drawId, action);
    }

    /**
     * The frozen pool of a draw, opened and checked, from the cache or the database; empty for a draw of the old
     * draw_entry form.
     *
     * @throws ApiException 409 {@code pool_changed} when the stored blobs are inconsistent
     */
    Optional<FrozenPool> frozenPool(long drawId) {
        FrozenPool cached = cache.get(drawId);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<Draws.StoredPool> stored = draws.pool(drawId);
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        try {
            FrozenPool pool = FrozenPool.open(FrozenPool.decode(stored.get().keys(), stored.get().compression()),
                    FrozenPool.decode(stored.get().display(), stored.get().compression()));
            cache.put(drawId, pool);
            return Optional.of(pool);
        } catch (FrozenPool.Mismatch e) {
            log.warn("Draw {}: stored pool is inconsistent: {}", drawId, e.getMessage());
            throw poolChanged();
        }
    }

    private static List<DrawRecord.Tier> tiers(List<TierSpec> specs, Integer k, List<Map<String, String>> errors) {
        if (specs == null || specs.isEmpty()) {
            return null;
        }
        List<DrawRecord.Tier> out = new ArrayList<>();
        long sum = 0;
        boolean ok = true;
        for (int i = 0; i < specs.size(); i++) {
            TierSpec t = specs.get(i);
            String field = "tiers[" + i + "]";
            String name = t == null || t.name() == null ? "" : t.name().strip();
            if (name.isEmpty() || name.length() > MAX_TIER_NAME) {
                errors.add(field(field + ".name", "奖项名称必填，不超过 " + MAX_TIER_NAME + " 个字符",
                        "a tier needs a name of at most " + MAX_TIER_NAME + " characters"));
                ok = false;
            }
            if (t == null || t.count() == null || t.count() < 1) {
                errors.add(field(field + ".count", "名额须为正整数", "the count must be a positive integer"));
                ok = false;
            } else {
                sum += t.count();
            }
            if (ok && out.stream().anyMatch(x -> x.name().equals(name))) {
                errors.add(field(field + ".name", "奖项名称重复：" + name, "duplicate tier name: " + name));
                ok = false;
            }
            if (ok) {
                out.add(new DrawRecord.Tier(name, t.count()));
            }
        }
        if (ok && k != null && sum != k) {
            errors.add(field("tiers", "各奖项名额之和 " + sum + " 应等于中奖人数 " + k,
                    "the tier counts add up to " + sum + ", not k = " + k));
        }
        return out;
    }

    private static void checkSeed(List<String> seed) {
        if (seed == null || seed.isEmpty()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "invalid_seed",
                    "种子不能为空 / The seed must be a non-empty list of strings", List.of());
        }
        List<Map<String, String>> errors = new ArrayList<>();
        if (seed.size() > MAX_SEED_STRINGS) {
            errors.add(field("seed", "最多 " + MAX_SEED_STRINGS + " 个种子字符串", "at most " + MAX_SEED_STRINGS + " strings"));
        }
        for (int i = 0; i < seed.size(); i++) {
            String s = seed.get(i);
            String f = "seed[" + i + "]";
            if (s == null || s.isEmpty()) {
                errors.add(field(f, "第 " + (i + 1) + " 个种子字符串为空", "seed string " + (i + 1) + " is empty"));
            } else if (s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
                errors.add(field(f, "第 " + (i + 1) + " 个种子字符串含换行符", "seed string " + (i + 1)
                        + " contains a line break"));
            } else if (s.length() > MAX_SEED_LENGTH) {
                errors.add(field(f, "第 " + (i + 1) + " 个种子字符串超过 " + MAX_SEED_LENGTH + " 个字符",
                        "seed string " + (i + 1) + " is longer than " + MAX_SEED_LENGTH + " characters"));
            } else if (DrawAlgorithm.hasUnpairedSurrogate(s)) {
                errors.add(field(f, "第 " + (i + 1) + " 个种子字符串含无效字符", "seed string " + (i + 1)
                        + " is not valid Unicode"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "invalid_seed", "种子有误 / Invalid seed", errors);
        }
    }

    private static ApiException alreadySealed() {
        return ApiException.conflict("already_sealed", "该抽奖已开奖封存，不能再次运行；如需重抽须重新承诺",
                "The draw is sealed and can never run again; another draw needs a new commitment");
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
    }

    private static Map<String, String> field(String name, String zh, String en) {
        return Map.of("field", name, "reason", zh + " / " + en);
    }
}
