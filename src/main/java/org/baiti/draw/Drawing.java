package org.baiti.draw;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.baiti.Ids;
import org.baiti.audit.AuditLog;
import org.baiti.contest.Contest;
import org.baiti.contest.Contesting;
import org.baiti.offline.OfflineResults;
import org.baiti.offline.PerfectPapers;
import org.baiti.ops.ContestMetrics;
import org.baiti.person.Phones;
import org.baiti.refusal.Reason;
import org.baiti.refusal.Refusal;
import org.baiti.unit.Units;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The life of a public draw (SPEC §5): commit (freeze the pool, publish its digest), reveal (enter the seed, compute
 * the winners with {@link DrawAlgorithm}, seal). A sealed draw never runs again; every commitment stays on record.
 */
@Service
public class Drawing implements DrawResults {

    private static final Logger log = LoggerFactory.getLogger(Drawing.class);
    private static final Comparator<DrawRecord> REVEAL_ORDER = Comparator.comparing(DrawRecord::revealedAt,
            Comparator.nullsFirst(Comparator.naturalOrder())).thenComparingLong(DrawRecord::id);

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
    /**
     * The last pools opened on this node, each with the stored blob it was written to or checked against, so "find
     * my ticket" and the record do not load and check a million entries per request, and the reveal on the node that
     * committed compares stored bytes instead of checking them again. Derived data only: a pool row never changes, and
     * the reveal re-reads it and opens it again when its bytes differ. Soft values: memory pressure empties it.
     */
    private final Cache<Long, Opened> cache = Caffeine.newBuilder().maximumSize(2).softValues().build();
    private final ContestMetrics metrics;
    private final PerfectPapers papers;
    private final OfflineResults offline;
    private final Units units;

    Drawing(Draws draws, Contesting contesting, Clock clock, AuditLog audit, JsonMapper json, ContestMetrics metrics,
            PerfectPapers papers, OfflineResults offline, Units units) {
        this.metrics = metrics;
        this.papers = papers;
        this.offline = offline;
        this.units = units;
        this.draws = draws;
        this.contesting = contesting;
        this.clock = clock;
        this.audit = audit;
        this.json = json;
    }

    /** A pool and the stored form it came from. */
    private record Opened(Draws.StoredPool stored, FrozenPool pool) {
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
     * Commits a draw: checks the command, freezes the pool (sorted by UTF-8 bytes, names masked; {@link FrozenPool})
     * and publishes {@code P}, {@code n} and {@code k}.
     *
     * @throws Refusal 404 for an unknown contest, 400 for an invalid command, an unknown pool kind, an empty
     *                      pool or {@code k} outside {@code 1..n}
     */
    @Transactional
    public DrawRecord commit(long contestId, CommitCommand cmd, String who) {
        Contest contest = contesting.get(contestId);
        if (cmd == null) {
            throw Refusal.invalid("invalid_field", "refusal.missing_body");
        }
        List<Reason> errors = new ArrayList<>();
        String name = cmd.name() == null ? "" : cmd.name().strip();
        if (name.isEmpty()) {
            errors.add(Reason.field("name", "refusal.field.required"));
        } else if (name.length() > MAX_NAME) {
            errors.add(Reason.field("name", "refusal.field.tooLong", MAX_NAME));
        }
        String sources = cmd.seedSources() == null ? "" : cmd.seedSources().strip();
        if (sources.isEmpty()) {
            errors.add(Reason.field("seedSources", "refusal.draw.seedSourcesRequired"));
        } else if (sources.length() > MAX_SEED_SOURCES) {
            errors.add(Reason.field("seedSources", "refusal.field.tooLong", MAX_SEED_SOURCES));
        }
        if (cmd.pool() == null || cmd.pool().isBlank()) {
            errors.add(Reason.field("pool", "refusal.draw.poolRequired", DrawRecord.OFFLINE_PERFECT));
        }
        if (cmd.k() == null) {
            errors.add(Reason.field("k", "refusal.field.required"));
        } else if (cmd.k() < 1) {
            errors.add(Reason.field("k", "refusal.draw.kAtLeastOne"));
        }
        List<DrawRecord.Tier> tiers = tiers(cmd.tiers(), cmd.k(), errors);
        if (!errors.isEmpty()) {
            throw Refusal.invalid("invalid_field", "refusal.draw.invalid").withDetails(errors);
        }
        if (!DrawRecord.OFFLINE_PERFECT.equals(cmd.pool().strip())) {
            throw Refusal.invalid("unknown_pool", "refusal.draw.unknownPool", cmd.pool())
                    .withDetails(List.of(Reason.field("pool", "refusal.draw.poolSupported", DrawRecord.OFFLINE_PERFECT)));
        }

        long start = System.nanoTime();
        FrozenPool.Writer pool = new FrozenPool.Writer(json, currentPoolSize(contest.id()));
        Map<String, String> unitNames = units.names(contest.id());
        papers.forEach(contest.id(), p -> {
            if (DrawAlgorithm.keyProblem(p.ticket()) != null) {
                String reason = p.ticket().isEmpty() ? "refusal.draw.ticketEmpty"
                        : p.ticket().indexOf('\n') >= 0 ? "refusal.draw.ticketLineFeed" : "refusal.draw.ticketUnicode";
                throw Refusal.invalid("invalid_pool", "refusal.draw.invalidPool")
                        .withDetails(List.of(Reason.field("pool", reason, p.ticket())));
            }
            // a unit code without a unit shows as itself
            pool.add(new Draws.Candidate(p.ticket(), Phones.maskName(p.name()),
                    unitNames.getOrDefault(p.unitCode(), p.unitCode())));
        });
        int n = pool.size();
        if (n == 0) {
            throw Refusal.invalid("empty_pool", "refusal.draw.emptyPool")
                    .withDetails(List.of(Reason.field("pool", "refusal.draw.noPerfectScores")));
        }
        int k = cmd.k();
        if (k > n) {
            throw Refusal.invalid("invalid_field", "refusal.draw.invalid")
                    .withDetails(List.of(Reason.field("k", "refusal.draw.kAtMostN", n)));
        }
        FrozenPool frozen = pool.finish();
        String poolDigest = DrawAlgorithm.hex(frozen.digest());
        long read = System.nanoTime();
        Draws.StoredPool stored = new Draws.StoredPool(FrozenPool.DEFLATE, FrozenPool.deflate(frozen.displayBlob()));
        long compressed = System.nanoTime();
        DrawRecord draw = new DrawRecord(Ids.next(), contest.id(), name, k, DrawRecord.OFFLINE_PERFECT, sources,
                tiers, poolDigest, n, DrawRecord.Status.COMMITTED, now(), who, null, null, null, null, null);
        draws.insert(draw, stored);
        cache.put(draw.id(), new Opened(stored, frozen)); // a new id: should the transaction roll back, nothing asks for it
        long written = System.nanoTime();
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("drawId", draw.id());
        detail.put("pool", DrawRecord.OFFLINE_PERFECT);
        detail.put("poolDigest", poolDigest);
        detail.put("n", n);
        detail.put("k", k);
        detail.put("seedSources", sources);
        audit.record(who, "draw.commit", contest.id(), name, detail);
        metrics.drawCommitted();
        log.info("Committed draw {} of contest {}: n = {}, k = {}, P = {} (read, render and digest {} ms, deflate {} ms,"
                        + " store {} ms: {} B)", draw.id(), contest.id(), n, k, poolDigest, ms(read - start),
                ms(compressed - read), ms(written - compressed), stored.display().length);
        return draw;
    }

    /**
     * Reveals a committed draw: checks the seed, recomputes {@code P} from the frozen pool, computes {@code D} and the
     * winners and seals the draw.
     *
     * @throws Refusal 404 for an unknown draw, 409 {@code already_sealed} when it was sealed before, 400 for an
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
        Draws.StoredPool stored = draws.pool(drawId).orElseThrow(Drawing::poolChanged);
        long fetched = System.nanoTime();
        FrozenPool pool = open(draw, stored);
        long read = System.nanoTime();
        byte[] seedDigest = DrawAlgorithm.seedDigest(HexFormat.of().parseHex(draw.poolDigest()), draw.k(), seed);
        List<DrawRecord.Entry> winners = new ArrayList<>(draw.k());
        for (int p : DrawAlgorithm.selectPositions(pool.size(), draw.k(), seedDigest)) {
            winners.add(pool.entry(p));
        }
        String seedDigestHex = DrawAlgorithm.hex(seedDigest);
        long drawn = System.nanoTime();
        if (!draws.seal(drawId, seed, seedDigestHex, winners, now(), who)) {
            throw alreadySealed();
        }
        audit(draw, seed, seedDigestHex, winners.stream().map(DrawRecord.Entry::key).toList(), who);
        log.info("Sealed draw {}: D = {} (fetch pool {} ms, check pool {} ms, draw {} ms, seal {} ms)", drawId,
                seedDigestHex, ms(fetched - start), ms(read - fetched), ms(drawn - read), ms(System.nanoTime() - drawn));
        return get(drawId);
    }

    private void audit(DrawRecord draw, List<String> seed, String seedDigest, List<String> winners, String who) {
        long drawId = draw.id();
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("drawId", drawId);
        detail.put("seed", seed);
        detail.put("seedDigest", seedDigest);
        detail.put("winners", winners);
        audit.record(who, "draw.reveal", draw.contestId(), draw.name(), detail);
        metrics.drawRevealed();
    }

    private static Refusal poolChanged() {
        return Refusal.conflict("pool_changed", "refusal.draw.poolChanged");
    }

    public DrawRecord get(long drawId) {
        return draws.find(drawId).orElseThrow(() -> Refusal.notFound("not_found", "refusal.draw.none"));
    }

    /** Every draw ever committed for the contest (abandoned ones included), in commit order. */
    public List<DrawRecord> forContest(long contestId) {
        contesting.get(contestId);
        return draws.forContest(contestId);
    }

    @Override
    public List<DrawRecord> sealed(long contestId) {
        return draws.forContest(contestId).stream().filter(DrawRecord::sealed).sorted(REVEAL_ORDER).toList();
    }

    /** How many entries a draw of the contest's offline perfect scorers would have now. */
    public int currentPoolSize(long contestId) {
        return Math.toIntExact(offline.countPerfect(contestId));
    }

    /** The winners in draw order with masked name, unit and tier; empty before the reveal. */
    public List<DrawRecord.Winner> winners(DrawRecord draw) {
        if (draw.winners() == null) {
            return List.of();
        }
        List<DrawRecord.Entry> entries = draws.winnerEntries(draw.id());
        List<DrawRecord.Winner> out = new ArrayList<>(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            DrawRecord.Entry e = entries.get(i);
            out.add(new DrawRecord.Winner(i + 1, e.key(), e.name(), e.unit(), draw.tierOf(i)));
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
            FrozenPool pool = frozenPool(draw);
            int p = pool.find(key);
            e = p < 0 ? Optional.empty() : Optional.of(pool.entry(p));
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

    /**
     * The frozen pool of a draw, from this node's cache or opened from the database.
     *
     * @throws Refusal 409 {@code pool_changed} when the stored pool is missing or is not the committed one
     */
    FrozenPool frozenPool(DrawRecord draw) {
        Opened cached = cache.getIfPresent(draw.id());
        return cached != null ? cached.pool() : open(draw, draws.pool(draw.id()).orElseThrow(Drawing::poolChanged));
    }

    /**
     * Opens a stored pool and keeps it in the cache: it must be well formed ({@link FrozenPool#open}), its keys must
     * hash to the committed {@code P} and it must have {@code n} entries. When this node holds the pool it wrote or
     * opened from exactly these stored bytes, that one is used: the bytes were checked then (any change to the row
     * since is opened and checked again).
     */
    private FrozenPool open(DrawRecord draw, Draws.StoredPool stored) {
        Opened cached = cache.getIfPresent(draw.id());
        if (cached != null && cached.stored().sameBytes(stored)) {
            return cached.pool();
        }
        try {
            FrozenPool pool = FrozenPool.open(FrozenPool.inflate(stored.display(), stored.compression()), json);
            if (!DrawAlgorithm.hex(pool.digest()).equals(draw.poolDigest())) {
                throw new FrozenPool.Mismatch("the keys do not hash to the committed pool digest");
            }
            if (pool.size() != draw.n()) {
                throw new FrozenPool.Mismatch(pool.size() + " entries, committed " + draw.n());
            }
            cache.put(draw.id(), new Opened(stored, pool));
            return pool;
        } catch (FrozenPool.Mismatch e) {
            log.warn("Draw {}: stored pool is inconsistent: {}", draw.id(), e.getMessage());
            throw poolChanged();
        }
    }

    private static List<DrawRecord.Tier> tiers(List<TierSpec> specs, Integer k, List<Reason> errors) {
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
                errors.add(Reason.field(field + ".name", "refusal.draw.tierName", MAX_TIER_NAME));
                ok = false;
            }
            if (t == null || t.count() == null || t.count() < 1) {
                errors.add(Reason.field(field + ".count", "refusal.draw.tierCount"));
                ok = false;
            } else {
                sum += t.count();
            }
            if (ok && out.stream().anyMatch(x -> x.name().equals(name))) {
                errors.add(Reason.field(field + ".name", "refusal.draw.tierDuplicate", name));
                ok = false;
            }
            if (ok) {
                out.add(new DrawRecord.Tier(name, t.count()));
            }
        }
        if (ok && k != null && sum != k) {
            errors.add(Reason.field("tiers", "refusal.draw.tierSum", sum, k));
        }
        return out;
    }

    private static void checkSeed(List<String> seed) {
        if (seed == null || seed.isEmpty()) {
            throw Refusal.invalid("invalid_seed", "refusal.draw.seedEmpty");
        }
        List<Reason> errors = new ArrayList<>();
        if (seed.size() > MAX_SEED_STRINGS) {
            errors.add(Reason.field("seed", "refusal.draw.seedTooMany", MAX_SEED_STRINGS));
        }
        for (int i = 0; i < seed.size(); i++) {
            String s = seed.get(i);
            String f = "seed[" + i + "]";
            String place = String.valueOf(i + 1);
            if (s == null || s.isEmpty()) {
                errors.add(Reason.field(f, "refusal.draw.seedBlank", place));
            } else if (s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
                errors.add(Reason.field(f, "refusal.draw.seedLineBreak", place));
            } else if (s.length() > MAX_SEED_LENGTH) {
                errors.add(Reason.field(f, "refusal.draw.seedTooLong", place, MAX_SEED_LENGTH));
            } else if (DrawAlgorithm.hasUnpairedSurrogate(s)) {
                errors.add(Reason.field(f, "refusal.draw.seedUnicode", place));
            }
        }
        if (!errors.isEmpty()) {
            throw Refusal.invalid("invalid_seed", "refusal.draw.seedInvalid").withDetails(errors);
        }
    }

    private static Refusal alreadySealed() {
        return Refusal.conflict("already_sealed", "refusal.draw.sealed");
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
    }
}
