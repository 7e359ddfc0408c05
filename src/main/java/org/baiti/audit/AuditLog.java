package org.baiti.audit;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The append-only, hash-chained log of what accounts changed. Call {@code record} inside the transaction that makes
 * the change (last, after the change), so the entry exists exactly when the change does.
 */
@Service
public class AuditLog {

    /** The actor of changes no account made (start-up, the demo contest). */
    public static final String SYSTEM = "system";

    private final AuditEntries entries;
    private final Clock clock;
    private final JsonMapper json;

    AuditLog(AuditEntries entries, Clock clock) {
        this.entries = entries;
        this.clock = clock;
        this.json = JsonMapper.builder().build();
    }

    /** What {@link #verify()} found. */
    public record Verification(boolean intact, long entries, String headHash, Long brokenAt, String reason) {
    }

    /** Appends an entry made by the signed-in account (or {@link #SYSTEM}). */
    @Transactional
    public AuditChain.Entry record(String action, Long contestId, String subject, Map<String, ?> detail) {
        return append(currentActor(), action, contestId, subject, detail == null ? "" : json.writeValueAsString(detail));
    }

    /** Appends an entry; {@code detail} becomes JSON. */
    @Transactional
    public AuditChain.Entry record(String actor, String action, Long contestId, String subject, Map<String, ?> detail) {
        return append(actor, action, contestId, subject, detail == null ? "" : json.writeValueAsString(detail));
    }

    /** Appends an entry whose detail is already JSON text. */
    @Transactional
    public AuditChain.Entry record(String actor, String action, Long contestId, String subject, String detailJson) {
        return append(actor, action, contestId, subject, detailJson);
    }

    private AuditChain.Entry append(String actor, String action, Long contestId, String subject, String detail) {
        entries.lockForAppend();
        AuditChain.Entry e = AuditChain.next(entries.last().orElse(null), clock.millis(),
                actor == null || actor.isBlank() ? SYSTEM : actor, action, contestId, subject, detail);
        entries.insert(e);
        return e;
    }

    /**
     * Walks the whole chain and names the first broken link. One statement, so it reads one consistent snapshot
     * without a transaction.
     */
    public Verification verify() {
        return verification(walk());
    }

    /** The whole chain walked once; the audit page also names the kind of the first break from it. */
    AuditChain.Verifier walk() {
        AuditChain.Verifier v = new AuditChain.Verifier();
        entries.walk(v::accept);
        return v;
    }

    static Verification verification(AuditChain.Verifier v) {
        return v.broken()
                .map(b -> new Verification(false, v.intactCount(), v.headHash(), b.seq(), b.reason()))
                .orElseGet(() -> new Verification(true, v.intactCount(), v.headHash(), null, null));
    }

    /** Newest first. */
    public List<AuditChain.Entry> page(Long contestId, String action, int offset, int limit) {
        return entries.page(contestId, action, Math.max(0, offset), Math.max(1, Math.min(limit, 500)));
    }

    public long count(Long contestId, String action) {
        return entries.count(contestId, action);
    }

    /** The user name of the signed-in account, or {@link #SYSTEM}. */
    public static String currentActor() {
        Authentication a = SecurityContextHolder.getContext().getAuthentication();
        if (a == null || !a.isAuthenticated() || a.getName() == null || "anonymousUser".equals(a.getName())) {
            return SYSTEM;
        }
        return a.getName();
    }
}
