package org.baiti.anticheat;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.baiti.person.Phones;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records anti-cheat signals of online attempts and lists them for review. Nothing here changes a score, a ranking
 * or an award: a signal only puts an attempt on the organizer's review list. Signals of starts and submissions are
 * computed on the request thread and written by the online channel in the same grouped transaction as the attempt
 * ({@link #recordAll}); a page-hidden report is one statement of its own.
 */
@Service
@EnableConfigurationProperties(AnticheatSettings.class)
public class Signals {

    /** The most page-hidden reports one attempt may claim (a page that reports nonsense is capped). */
    static final int MAX_COUNT = 10_000;

    private final JdbcSignals store;
    private final SignalledAttempts attempts;
    private final Clock clock;
    private final long minMsPerQuestion;
    private final int maxAttemptsPerAddress;
    private final JsonMapper json = JsonMapper.builder().build();

    Signals(JdbcSignals store, SignalledAttempts attempts, Clock clock, AnticheatSettings settings) {
        this.store = store;
        this.attempts = attempts;
        this.clock = clock;
        this.minMsPerQuestion = settings.minMsPerQuestion();
        this.maxAttemptsPerAddress = settings.maxAttemptsPerAddress();
    }

    /** The page says it was hidden {@code count} times so far while this attempt was open. */
    public void pageHidden(String attemptId, long contestId, int count) {
        int c = Math.max(1, Math.min(count, MAX_COUNT));
        store.upsert(new Signal(attemptId, contestId, Signal.Kind.PAGE_HIDDEN, now(), c, detail("count", c)));
    }

    /**
     * The signal a start raises, if any: more attempts of this contest came from its address for its top-level unit
     * than the larger of the threshold and the unit's headcount. A unit answering together behind one NAT address is
     * not flagged while it stays within the people it has; people of other units behind the same address are counted
     * with their own unit. Only reads (the attempt itself is not stored yet, so it is counted here); the caller stores
     * the signal with the attempt, in the same transaction ({@link #recordAll}).
     *
     * @param headcount the top-level unit's expected participants (应参赛人数), or null when unknown
     */
    public Optional<Signal> onStart(String attemptId, long contestId, String address, String topCode, Integer headcount) {
        if (address == null || maxAttemptsPerAddress <= 0) {
            return Optional.empty();
        }
        long threshold = Math.max(maxAttemptsPerAddress, headcount == null ? 0 : headcount);
        long n = store.attemptsFrom(contestId, address, topCode) + 1;
        if (n <= threshold) {
            return Optional.empty();
        }
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("address", address);
        d.put("unit", topCode);
        d.put("attempts", n);
        d.put("threshold", threshold);
        if (headcount != null) {
            d.put("headcount", headcount);
        }
        return Optional.of(new Signal(attemptId, contestId, Signal.Kind.MANY_ATTEMPTS_FROM_ADDRESS, now(),
                (int) Math.min(n, MAX_COUNT), json.writeValueAsString(d)));
    }

    /**
     * The signal a submission raises, if any: answers faster than the threshold per question (server-measured time).
     * Writes nothing; the caller stores it with the submission ({@link #recordAll}).
     */
    public Optional<Signal> onSubmit(String attemptId, long contestId, long durationMs, int questions) {
        if (questions <= 0 || minMsPerQuestion <= 0 || durationMs >= minMsPerQuestion * questions) {
            return Optional.empty();
        }
        // numbers only, written by hand: every submit of a bot (and of the load test) comes this way
        String detail = "{\"durationMs\":" + durationMs + ",\"questions\":" + questions + ",\"msPerQuestion\":"
                + durationMs / questions + ",\"thresholdMsPerQuestion\":" + minMsPerQuestion + "}";
        return Optional.of(new Signal(attemptId, contestId, Signal.Kind.TOO_FAST, now(), 1, detail));
    }

    /**
     * Stores signals in the current transaction, one batch: the online channel calls it inside the group commit of
     * the starts and submissions that raised them, so a signal costs no transaction (and no fsync) of its own.
     */
    public void recordAll(List<Signal> signals) {
        if (!signals.isEmpty()) {
            store.upsertAll(signals);
        }
    }

    /** A stored attempt as the many-attempts signal counts it: contest, client address, top-level unit. */
    public record StartedFrom(long contestId, String address, String topCode) {
    }

    /**
     * Counts newly stored attempts for the many-attempts signal (null addresses are not counted). In the caller's
     * transaction, with the attempts themselves.
     */
    public void countStarts(List<StartedFrom> starts) {
        Map<JdbcSignals.AddressKey, Long> added = new HashMap<>();
        for (StartedFrom a : starts) {
            if (a.address() != null) {
                added.merge(new JdbcSignals.AddressKey(a.contestId(), a.address(), a.topCode()), 1L, Long::sum);
            }
        }
        if (!added.isEmpty()) {
            store.countAttempts(added);
        }
    }

    /**
     * Forgets the client addresses this feature keeps for a contest (privacy/PersonalData's purge, in its transaction):
     * the counts per address, and the address in the detail of the many-attempts signals.
     */
    public void forgetAddresses(long contestId) {
        store.forgetAddresses(contestId);
    }

    /**
     * The review list of a contest: every attempt with one of the contest's newest {@code limit} signals (1..5,000),
     * newest signal first, phones masked. The signals are this feature's; the attempts are asked of
     * {@link SignalledAttempts}, once for the list.
     */
    public List<Review> review(long contestId, int limit) {
        List<JdbcSignals.Listed> signals = store.newest(contestId, Math.max(1, Math.min(limit, 5_000)));
        Map<String, SignalledAttempts.Summary> found =
                attempts.find(signals.stream().map(JdbcSignals.Listed::attemptId).distinct().toList());
        Map<String, Review> byAttempt = new LinkedHashMap<>();
        for (JdbcSignals.Listed s : signals) {
            SignalledAttempts.Summary a = found.get(s.attemptId());
            if (a == null) {
                continue; // not listed without its attempt (attempt_signal's foreign key keeps one for every signal)
            }
            byAttempt.computeIfAbsent(a.id(), id -> new Review(id, a.name(), Phones.mask(a.phone()), a.unitCode(),
                    a.clientIp(), a.attemptNo(), a.issuedAt(), a.submittedAt(), a.durationMs(), a.accuracy(),
                    new ArrayList<>())).signals().add(s.item());
        }
        return new ArrayList<>(byAttempt.values());
    }

    private String detail(String key, Object value) {
        return json.writeValueAsString(Map.of(key, value));
    }

    private Instant now() {
        return Instant.ofEpochMilli(clock.millis());
    }
}
