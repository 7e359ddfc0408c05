package org.baiti.contest;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.baiti.Ids;
import org.baiti.NodeCache;
import org.baiti.audit.AuditLog;
import org.baiti.refusal.Reason;
import org.baiti.refusal.Refusal;
import org.baiti.settings.SiteSettings;
import org.baiti.text.TextInput;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Use cases of a contest: create, change settings, freeze, and the checks other features ask for.
 *
 * <p>Every start, submit and page of a participant reads its contest; {@link #get} answers it from memory when it was
 * read less than {@code baiti.contest-cache-millis} (default 1,000) ago ({@link NodeCache}). A change or a freeze
 * through this node is seen at once; on several nodes (PostgreSQL) the others see it within that time. Inside a
 * transaction the contest is always read from the database.
 */
@Service
public class Contesting {

    private final Contests contests;
    private final Clock clock;
    private final AuditLog audit;
    private final NodeCache<Long, Contest> cache;

    Contesting(Contests contests, Clock clock, AuditLog audit,
               SiteSettings site) {
        this.contests = contests;
        this.clock = clock;
        this.audit = audit;
        this.cache = NodeCache.keptFor(site.contestCache(), 10_000);
    }

    @Transactional
    public Contest create(ContestSettings s) {
        Contest c = build(Ids.next(), s, Instant.now(clock).truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        contests.insert(c);
        audit.record("contest.create", c.id(), c.name(), settings(c));
        return c;
    }

    /**
     * Changes what the contest's state still allows ({@link ContestState#changeable}), through the API and the
     * settings page alike: any other difference is refused (409 {@code locked}, naming each field), and so is a closing
     * time in the past while the contest is open (closing early is not ending it behind the participants' backs);
     * nothing changes then.
     */
    @Transactional
    public Contest update(long id, ContestSettings s) {
        Contest old = get(id);
        requireNotFrozen(old);
        Instant now = Instant.now(clock);
        ContestState state = ContestState.of(old, now);
        List<Reason> locked = s == null ? List.of() : s.changedFrom(old).stream()
                .filter(field -> !state.changeable().contains(field))
                .map(field -> Reason.field(field, "admin.edit.locked." + state.name())).toList();
        if (!locked.isEmpty()) {
            throw Refusal.conflict("locked", "admin.edit.refused", Reason.words("admin.state." + state.name()))
                    .withDetails(locked);
        }
        if (state == ContestState.OPEN && s != null && s.closesAt() != null && !s.closesAt().isAfter(now)) {
            throw Refusal.conflict("locked", "admin.edit.closesInPast")
                    .withDetails(List.of(Reason.field("closesAt", "admin.edit.closesInPast")));
        }
        Contest c = build(id, s, old.createdAt());
        contests.update(c);
        forget(id);
        audit.record("contest.update", c.id(), c.name(), settings(c));
        return c;
    }

    public Contest get(long id) {
        return cache.get(id, c -> contests.find(c).orElseThrow(Contesting::noSuchContest));
    }

    /** Makes the copy in memory old now and when the surrounding transaction ends (a read meanwhile may see the old). */
    private void forget(long id) {
        cache.forget(id);
    }

    public List<Contest> all() {
        return contests.all();
    }

    /**
     * Whether a start of the contest needs an entry on its roster: the switch is the contest's column, read from the
     * database on every call (identity/ParticipantIdentity asks it for each start and keeps the roster itself).
     */
    public boolean rosterRequired(long id) {
        return contests.rosterRequired(id);
    }

    /** Sets the roster switch; the caller (identity/ParticipantIdentity) audits the change. */
    @Transactional
    public void setRosterRequired(long id, boolean required) {
        contests.setRosterRequired(id, required);
    }

    /** Freezes the results that feed awards; freezing twice is harmless. */
    @Transactional
    public Contest freeze(long id) {
        Contest before = get(id);
        contests.freeze(id, Instant.now(clock));
        forget(id);
        Contest after = get(id);
        if (!before.frozen()) {
            audit.record("contest.freeze", id, after.name(), Map.of("frozenAt", after.frozenAt().toString()));
        }
        return after;
    }

    /**
     * Removes the contest's row, once everything that hangs on it is gone (admin/ContestLifecycle checks that it never
     * opened and removes its bank and units first); audited with its settings.
     */
    @Transactional
    public void delete(long id, Map<String, ?> removedRows) {
        Contest c = get(id);
        contests.delete(id);
        forget(id);
        Map<String, Object> detail = settings(c);
        detail.put("removedRows", removedRows);
        audit.record("contest.delete", id, c.name(), detail);
    }

    /** The settings of a contest as an audit detail. */
    private static Map<String, Object> settings(Contest c) {
        Map<String, Object> d = new java.util.LinkedHashMap<>();
        d.put("name", c.name());
        d.put("questionsPerPaper", c.questionsPerPaper());
        d.put("timeLimitSeconds", c.timeLimitSeconds());
        d.put("opensAt", c.opensAt().toString());
        d.put("closesAt", c.closesAt().toString());
        d.put("onlineQuota", c.onlineQuota());
        d.put("drawQuota", c.drawQuota());
        d.put("orgQuota", c.orgQuota());
        d.put("paperMode", c.paperMode().name());
        d.put("attemptsAllowed", c.attemptsAllowed());
        d.put("partialCredit", c.partialCredit());
        d.put("weights", List.of(c.weightRate(), c.weightAccuracy(), c.weightAttention()));
        if (c.addressStartsPerMinute() != null || c.addressSubmitsPerMinute() != null
                || c.addressCodesPerMinute() != null || c.addressFailuresPerMinute() != null) {
            d.put("addressLimits", java.util.Arrays.asList(c.addressStartsPerMinute(), c.addressSubmitsPerMinute(),
                    c.addressCodesPerMinute(), c.addressFailuresPerMinute()));
        }
        return d;
    }

    /**
     * Refuses any change to what feeds awards once the contest is frozen. Inside a transaction the freeze is read from
     * the database and share-locked until the transaction ends ({@link #frozenForWrite}): a freeze on any node waits
     * for this write, or this write sees the freeze.
     */
    public void requireNotFrozen(Contest c) {
        if (c.frozen() || TransactionSynchronizationManager.isActualTransactionActive()
                && !contests.frozenForWrite(List.of(c.id())).isEmpty()) {
            throw Refusal.conflict("frozen", "refusal.frozen");
        }
    }

    /**
     * The contests among {@code ids} that are frozen, for a transaction that writes what feeds awards (submissions):
     * read from the database, not the copy in memory, and share-locked until the transaction ends, so that nothing is
     * written after a freeze has answered, whichever node froze.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Set<Long> frozenForWrite(Collection<Long> ids) {
        return contests.frozenForWrite(ids);
    }

    private static Contest build(long id, ContestSettings s, Instant createdAt) {
        List<Reason> errors = new ArrayList<>();
        if (s == null) {
            throw Refusal.invalid("invalid_field", "refusal.missing_body");
        }
        String name = TextInput.clean(s.name());
        Optional<TextInput.Problem> nameProblem = TextInput.problemOfLine(name);
        if (name == null || name.isEmpty()) {
            errors.add(Reason.field("name", "refusal.field.required"));
        } else if (nameProblem.isPresent()) {
            errors.add(Reason.field("name", nameProblem.get().key()));
        } else if (name.length() > 200) {
            errors.add(Reason.field("name", "refusal.field.tooLong", 200));
        }
        check(errors, "questionsPerPaper", s.questionsPerPaper(), 1, 1000);
        check(errors, "timeLimitSeconds", s.timeLimitSeconds(), 10, 86_400);
        check(errors, "onlineQuota", s.onlineQuota(), 0, 1_000_000);
        check(errors, "drawQuota", s.drawQuota(), 0, 1_000_000);
        check(errors, "orgQuota", s.orgQuota(), 0, 10_000);
        if (s.attemptsAllowed() != null && (s.attemptsAllowed() < 1 || s.attemptsAllowed() > 100)) {
            errors.add(Reason.field("attemptsAllowed", "refusal.field.between", 1, 100));
        }
        if (s.opensAt() == null) {
            errors.add(Reason.field("opensAt", "refusal.field.instantRequired"));
        }
        if (s.closesAt() == null) {
            errors.add(Reason.field("closesAt", "refusal.field.instantRequired"));
        }
        checkInstant(errors, "opensAt", s.opensAt());
        checkInstant(errors, "closesAt", s.closesAt());
        if (s.opensAt() != null && s.closesAt() != null && !s.opensAt().isBefore(s.closesAt())) {
            errors.add(Reason.field("closesAt", "refusal.contest.closesBeforeOpens"));
        }
        double wr = s.weightRate() == null ? 0.4 : s.weightRate();
        double wa = s.weightAccuracy() == null ? 0.4 : s.weightAccuracy();
        double wt = s.weightAttention() == null ? 0.2 : s.weightAttention();
        if (wr < 0 || wa < 0 || wt < 0 || Math.abs(wr + wa + wt - 1.0) > 1e-9) {
            errors.add(Reason.field("weightRate", "refusal.contest.weights"));
        }
        limit(errors, "addressStartsPerMinute", s.addressStartsPerMinute());
        limit(errors, "addressSubmitsPerMinute", s.addressSubmitsPerMinute());
        limit(errors, "addressCodesPerMinute", s.addressCodesPerMinute());
        limit(errors, "addressFailuresPerMinute", s.addressFailuresPerMinute());
        if (!errors.isEmpty()) {
            throw Refusal.invalid("invalid_field", "refusal.contest.invalid").withDetails(errors);
        }
        return new Contest(id, name, s.questionsPerPaper(), s.timeLimitSeconds(), s.opensAt(), s.closesAt(),
                s.onlineQuota(), s.drawQuota(), s.orgQuota(),
                s.paperMode() == null ? Contest.PaperMode.FIXED : s.paperMode(),
                s.attemptsAllowed() == null ? 1 : s.attemptsAllowed(),
                Boolean.TRUE.equals(s.partialCredit()), wr, wa, wt, null, createdAt, s.addressStartsPerMinute(),
                s.addressSubmitsPerMinute(), s.addressCodesPerMinute(), s.addressFailuresPerMinute());
    }

    /** An optional per-address limit: absent (the node's default), 0 (none) or a number of requests per minute. */
    private static void limit(List<Reason> errors, String name, Integer v) {
        if (v != null && (v < 0 || v > 1_000_000)) {
            errors.add(Reason.field(name, "refusal.contest.addressLimit", 0, 1_000_000));
        }
    }

    /** Contests happen between these instants; anything else is a typing mistake (and would overflow the store). */
    static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    static final Instant LATEST = Instant.parse("2200-01-01T00:00:00Z");

    private static void checkInstant(List<Reason> errors, String name, Instant v) {
        if (v != null && (v.isBefore(EARLIEST) || !v.isBefore(LATEST))) {
            errors.add(Reason.field(name, "refusal.contest.years", "2000", "2199"));
        }
    }

    private static void check(List<Reason> errors, String name, Integer v, int min, int max) {
        if (v == null) {
            errors.add(Reason.field(name, "refusal.field.required"));
        } else if (v < min || v > max) {
            errors.add(Reason.field(name, "refusal.field.between", min, max));
        }
    }

    /** The refusal of a contest id that names no contest. */
    public static Refusal noSuchContest() {
        return Refusal.notFound("not_found", "refusal.no_contest");
    }
}
