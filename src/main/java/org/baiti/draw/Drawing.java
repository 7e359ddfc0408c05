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

import org.baiti.Ids;
import org.baiti.contest.Contest;
import org.baiti.contest.Contesting;
import org.baiti.person.Phones;
import org.baiti.web.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The life of a public draw (SPEC §5): commit (freeze the pool, publish its digest), reveal (enter the seed, compute
 * the winners with {@link DrawAlgorithm}, seal). A sealed draw never runs again; every commitment stays on record.
 */
@Service
public class Drawing {

    static final int MAX_NAME = 200;
    static final int MAX_SEED_SOURCES = 2000;
    static final int MAX_TIER_NAME = 50;
    static final int MAX_SEED_STRINGS = 100;
    static final int MAX_SEED_LENGTH = 1000;

    private final Draws draws;
    private final Contesting contesting;
    private final Clock clock;

    Drawing(Draws draws, Contesting contesting, Clock clock) {
        this.draws = draws;
        this.contesting = contesting;
        this.clock = clock;
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

        List<Draws.Candidate> candidates = draws.offlinePerfect(contest.id());
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

        // encoded, checked and sorted by UTF-8 bytes in one go (radix sort on the bytes, no string comparisons)
        String[] keys = new String[n];
        for (int i = 0; i < n; i++) {
            keys[i] = candidates.get(i).key();
        }
        EncodedPool pool = EncodedPool.sort(keys);
        if (pool.firstInvalid() >= 0) {
            String key = keys[pool.firstInvalid()];
            throw invalidPool(key, key == null ? "is null" : DrawAlgorithm.keyProblem(key));
        }
        if (pool.firstDuplicate() >= 0) {
            throw invalidPool(pool.sortedKeys()[pool.firstDuplicate()], "appears twice");
        }
        int[] order = pool.order();
        List<DrawRecord.Entry> entries = new ArrayList<>(n);
        Map<String, String> masked = new HashMap<>();
        for (int j = 0; j < n; j++) {
            Draws.Candidate c = candidates.get(order[j]);
            String shown = masked.computeIfAbsent(c.name(), Phones::maskName);
            entries.add(new DrawRecord.Entry(j, c.key(), shown, c.unit()));
        }
        String poolDigest = DrawAlgorithm.hex(pool.digest(false));
        DrawRecord draw = new DrawRecord(Ids.next(), contest.id(), name, k, DrawRecord.OFFLINE_PERFECT, sources,
                tiers, poolDigest, n, DrawRecord.Status.COMMITTED, now(), who, null, null, null, null, null);
        draws.insert(draw, entries);
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
        List<String> pool = draws.poolKeys(drawId);
        byte[] p = DrawAlgorithm.poolDigest(pool);
        if (pool.size() != draw.n() || !DrawAlgorithm.hex(p).equals(draw.poolDigest())) {
            throw ApiException.conflict("pool_changed", "抽奖池与承诺时公布的摘要不一致，拒绝开奖",
                    "The stored pool no longer matches the committed digest; the draw is refused");
        }
        byte[] d = DrawAlgorithm.seedDigest(p, draw.k(), seed);
        List<String> winners = DrawAlgorithm.select(pool, draw.k(), d);
        if (!draws.seal(drawId, seed, DrawAlgorithm.hex(d), winners, now(), who)) {
            throw alreadySealed();
        }
        return get(drawId);
    }

    @Transactional(readOnly = true)
    public DrawRecord get(long drawId) {
        return draws.find(drawId).orElseThrow(() -> ApiException.notFound("抽奖不存在", "No such draw"));
    }

    /** Every draw ever committed for the contest (abandoned ones included), in commit order. */
    @Transactional(readOnly = true)
    public List<DrawRecord> forContest(long contestId) {
        contesting.get(contestId);
        return draws.forContest(contestId);
    }

    /** How many entries a draw of the contest's offline perfect scorers would have now. */
    @Transactional(readOnly = true)
    public int currentPoolSize(long contestId) {
        return draws.countOfflinePerfect(contestId);
    }

    /** The winners in draw order with masked name, unit and tier; empty before the reveal. */
    @Transactional(readOnly = true)
    public List<DrawRecord.Winner> winners(DrawRecord draw) {
        if (draw.winners() == null) {
            return List.of();
        }
        Map<String, DrawRecord.Entry> entries = draws.entries(draw.id(), draw.winners());
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
    @Transactional(readOnly = true)
    public PoolHit findInPool(DrawRecord draw, String ticket) {
        String key = ticket == null ? "" : ticket.strip();
        Optional<DrawRecord.Entry> e = key.isEmpty() ? Optional.empty() : draws.entry(draw.id(), key);
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

    private static ApiException invalidPool(String key, String problem) {
        return new ApiException(HttpStatus.BAD_REQUEST, "invalid_pool",
                "抽奖池中有无效的准考证号 / The pool holds an invalid ticket",
                List.of(field("pool", "准考证号 \"" + key + "\" 无效", "ticket \"" + key + "\" " + problem)));
    }

    /** Streams the frozen pool of a draw in sorted order. */
    public void forEachEntry(long drawId, java.util.function.Consumer<DrawRecord.Entry> action) {
        draws.forEachEntry(drawId, action);
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

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
    }

    private static Map<String, String> field(String name, String zh, String en) {
        return Map.of("field", name, "reason", zh + " / " + en);
    }
}
