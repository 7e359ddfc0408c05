package org.baiti.admin;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.baiti.audit.AuditLog;
import org.baiti.bank.Question;
import org.baiti.bank.Questions;
import org.baiti.contest.Contest;
import org.baiti.contest.ContestSettings;
import org.baiti.contest.ContestState;
import org.baiti.contest.Contesting;
import org.baiti.contest.TypedConfirmation;
import org.baiti.identity.ParticipantIdentity;
import org.baiti.refusal.Reason;
import org.baiti.refusal.Refusal;
import org.baiti.security.AccountManagement;
import org.baiti.unit.Unit;
import org.baiti.unit.Units;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The life of a contest on the staff pages: edit what its state still allows, copy it with its bank and units,
 * delete it while it never opened and nothing hangs on it. Every step is audited (contest.update, contest.copy,
 * contest.delete). The rules are in docs/back-office.md.
 */
@Service
class ContestLifecycle {

    private final Contesting contesting;
    private final Questions questions;
    private final Units units;
    private final ParticipantIdentity identity;
    private final AccountManagement accounts;
    private final ContestRemoval removal;
    private final AuditLog audit;
    private final Clock clock;

    ContestLifecycle(Contesting contesting, Questions questions, Units units, ParticipantIdentity identity,
                     AccountManagement accounts, ContestRemoval removal, AuditLog audit, Clock clock) {
        this.contesting = contesting;
        this.questions = questions;
        this.units = units;
        this.identity = identity;
        this.accounts = accounts;
        this.removal = removal;
        this.audit = audit;
        this.clock = clock;
    }

    public ContestState state(Contest c) {
        return ContestState.of(c, Instant.now(clock));
    }

    /**
     * A new contest with the settings of {@code id}, a new name and window, its question bank and its unit tree
     * (headcounts, not the judges' marks) and whether it requires a roster; nothing of its participants.
     */
    @Transactional
    public Contest copy(long id, String name, Instant opensAt, Instant closesAt) {
        Contest from = contesting.get(id);
        Contest to = contesting.create(new ContestSettings(name, from.questionsPerPaper(), from.timeLimitSeconds(),
                opensAt, closesAt, from.onlineQuota(), from.drawQuota(), from.orgQuota(), from.paperMode(),
                from.attemptsAllowed(), from.partialCredit(), from.weightRate(), from.weightAccuracy(),
                from.weightAttention()));
        List<Question> bank = questions.all(id).stream()
                .map(q -> new Question(to.id(), q.key(), q.seq(), q.type(), q.stem(), q.options(), q.answer(), q.points(),
                        q.category(), q.explanation()))
                .toList();
        if (!bank.isEmpty()) {
            questions.upsert(bank, List.of());
        }
        List<Unit> tree = units.all(id).stream()
                .map(u -> new Unit(to.id(), u.code(), u.name(), u.parentCode(), u.topCode(), u.depth(), u.headcount(),
                        null, u.seq()))
                .toList();
        if (!tree.isEmpty()) {
            units.upsert(tree, List.of());
        }
        if (identity.rosterRequired(id)) {
            identity.setRosterRequired(to.id(), true);
        }
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("from", id);
        detail.put("fromName", from.name());
        detail.put("questions", bank.size());
        detail.put("units", tree.size());
        audit.record("contest.copy", to.id(), to.name(), detail);
        return to;
    }

    /**
     * Deletes a contest that never opened, with its bank, units and imports, when the contest's name is typed as
     * confirmation. Refused (409, nothing removed) once it opened or is frozen, or when it has attempts, offline
     * results, draws or coordinator accounts.
     */
    @Transactional
    public void delete(long id, String confirm) {
        Contest c = contesting.get(id);
        if (!TypedConfirmation.matches(c, confirm)) {
            throw Refusal.invalid("unconfirmed", "admin.delete.unconfirmed", c.name());
        }
        ContestState state = state(c);
        if (state != ContestState.NOT_STARTED) {
            throw conflict("admin.delete.opened", Reason.words("admin.state." + state.name()));
        }
        Map<String, Long> usage = removal.usage(id);
        long used = usage.values().stream().mapToLong(Long::longValue).sum();
        if (used > 0) {
            throw conflict("admin.delete.used", usage.get("attempt"), usage.get("offline_result"), usage.get("draw"));
        }
        long coordinators = accounts.coordinatorsOf(id);
        if (coordinators > 0) {
            throw conflict("admin.delete.accounts", coordinators);
        }
        Map<String, Integer> removed = removal.removeRowsOf(id);
        contesting.delete(id, removed);
    }

    private static Refusal conflict(String key, Object... args) {
        return Refusal.conflict("not_deletable", key, args);
    }
}
