package org.baiti.privacy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.baiti.NodeCache;
import org.baiti.anticheat.Signals;
import org.baiti.audit.AuditLog;
import org.baiti.contest.Contest;
import org.baiti.contest.Contesting;
import org.baiti.identity.ParticipantIdentity;
import org.baiti.person.PersonalDataKey;
import org.baiti.person.Phones;
import org.baiti.refusal.Reason;
import org.baiti.refusal.Refusal;
import org.baiti.settings.SiteSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Use cases of personal data (SPEC §8): the contest's notice and retention settings, the consent a start needs, the
 * purge after the retention period, and a participant's look-up of their own data. docs/privacy.md.
 */
@Service
public class PersonalData {

    private static final Logger log = LoggerFactory.getLogger(PersonalData.class);

    static final int MAX_NOTICE = 4000;
    static final int MAX_RETENTION_DAYS = 3650;
    /** The purpose string of the keyed hash of a purged phone (PersonalDataKey). */
    static final String PHONE_PURPOSE = "phone";

    private final ContestPrivacies privacies;
    private final PersonalDataStore store;
    private final Signals signals;
    private final Contesting contesting;
    private final ParticipantIdentity identity;
    private final PersonalDataKey key;
    private final AuditLog audit;
    private final Clock clock;
    private final Duration grace;
    private final java.time.ZoneId zone;
    private final NodeCache<Long, Boolean> consentSwitches;

    /** The online channel's check of resume codes (absent in a context without it, such as the purge command). */
    private final org.springframework.beans.factory.ObjectProvider<AttemptOwnership> ownership;

    PersonalData(ContestPrivacies privacies, PersonalDataStore store, Contesting contesting, ParticipantIdentity identity,
                 PersonalDataKey key, AuditLog audit, Clock clock,
                 SiteSettings site,
                 org.springframework.beans.factory.ObjectProvider<AttemptOwnership> ownership, Signals signals) {
        this.ownership = ownership;
        this.signals = signals;
        this.consentSwitches = NodeCache.keptFor(site.contestCache(), 10_000);
        this.zone = site.timeZone();
        this.privacies = privacies;
        this.store = store;
        this.contesting = contesting;
        this.identity = identity;
        this.key = key;
        this.audit = audit;
        this.clock = clock;
        this.grace = Duration.ofSeconds(site.online().graceSeconds());
    }

    /** What an organizer sets: each field optional (null keeps the value); {@code notice} "" goes back to the default. */
    public record Change(String notice, Integer retentionDays, Boolean consentRequired) {
    }

    /** What the identify page shows: the organizer's text (or null for the default) and until when data is kept. */
    public record Notice(String custom, List<String> customLines, int retentionDays, Instant keptUntil) {
    }

    public PrivacySettings settings(long contestId) {
        contesting.get(contestId);
        return privacies.find(contestId).orElseGet(() -> PrivacySettings.defaults(contestId));
    }

    /** For the participant's page (templates/online/answer.html reads it as {@code @personalData.notice(id)}). */
    public Notice notice(long contestId) {
        Contest c = contesting.get(contestId);
        PrivacySettings s = settings(contestId);
        List<String> lines = s.notice() == null ? List.of()
                : s.notice().lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        return new Notice(s.notice(), lines, s.retentionDays(), keptUntil(c, s));
    }

    @Transactional
    public PrivacySettings change(long contestId, Change change) {
        PrivacySettings before = settings(contestId);
        if (change == null) {
            throw Refusal.invalid("invalid_field", "refusal.missing_body");
        }
        List<Reason> errors = new ArrayList<>();
        String notice = before.notice();
        if (change.notice() != null) {
            notice = change.notice().strip().isEmpty() ? null : change.notice().strip();
            if (notice != null && notice.length() > MAX_NOTICE) {
                errors.add(Reason.field("notice", "refusal.field.tooLong", MAX_NOTICE));
            }
        }
        int days = change.retentionDays() == null ? before.retentionDays() : change.retentionDays();
        if (days < 1 || days > MAX_RETENTION_DAYS) {
            errors.add(Reason.field("retentionDays", "refusal.privacy.retentionDays", MAX_RETENTION_DAYS));
        }
        if (!errors.isEmpty()) {
            throw Refusal.invalid("invalid_field", "refusal.privacy.invalid").withDetails(errors);
        }
        boolean consent = change.consentRequired() == null ? before.consentRequired() : change.consentRequired();
        PrivacySettings after = new PrivacySettings(contestId, notice, days, consent, before.purgedAt());
        if (!after.equals(before)) {
            privacies.save(after);
            consentSwitches.forget(contestId);
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("retentionDays", days);
            d.put("consentRequired", consent);
            d.put("noticeSha256", notice == null ? "default" : sha256(notice));
            audit.record("privacy.settings", contestId, contesting.get(contestId).name(), d);
        }
        return after;
    }

    /**
     * Refuses a start without consent: always when the body says {@code "consent": false}; when it says nothing, only
     * if the contest requires the API to carry consent (docs/api.md's {@code {"name","phone","unit"}} keeps working
     * otherwise — the page always sends it).
     */
    public void requireConsent(long contestId, Boolean consent) {
        if (Boolean.TRUE.equals(consent)) {
            return;
        }
        if (Boolean.FALSE.equals(consent) || consentRequired(contestId)) {
            throw Refusal.invalid("consent_required", "refusal.privacy.consent")
                    .withDetails(List.of(Reason.field("consent", "refusal.privacy.consentTrue")));
        }
    }

    /** The contest's "API starts must carry consent" switch, kept like the contest itself (baiti.contest-cache-millis). */
    private boolean consentRequired(long contestId) {
        return consentSwitches.get(contestId, c -> privacies.find(c).map(PrivacySettings::consentRequired).orElse(false));
    }

    /** When the contest's full phone numbers go: its close plus the retention period. */
    public Instant keptUntil(long contestId) {
        return keptUntil(contesting.get(contestId), settings(contestId));
    }

    private static Instant keptUntil(Contest c, PrivacySettings s) {
        return c.closesAt().plus(Duration.ofDays(s.retentionDays()));
    }

    /** What a purge did. */
    public record Purged(long contestId, Map<String, Integer> phonesReplaced, int addressesRemoved,
                         long fullPhonesLeft, Instant at, boolean early) {
    }

    /**
     * Replaces the contest's full phone numbers by pseudonyms ({@link Pseudonym}) and removes the attempts' addresses,
     * once the retention period is over ({@code early}: before it, but never before the close). Names, units, scores,
     * the ranking, the award lists and the draw records are not touched. Logged in the audit chain.
     */
    @Transactional
    public Purged purge(long contestId, boolean early, String actor) {
        Contest c = contesting.get(contestId);
        PrivacySettings s = settings(contestId);
        Instant now = Instant.now(clock);
        if (now.isBefore(c.closesAt().plus(grace))) {
            throw Refusal.conflict("not_closed", "refusal.privacy.notClosed");
        }
        Instant due = keptUntil(c, s);
        if (!early && now.isBefore(due)) {
            throw Refusal.conflict("retention_running", "refusal.privacy.retentionRunning",
                    DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(due.atZone(zone)));
        }
        Map<String, Integer> replaced = store.pseudonymize(contestId, phone -> key.hash(PHONE_PURPOSE, phone));
        int addresses = store.forgetAddresses(contestId);
        signals.forgetAddresses(contestId);
        long left = store.fullPhones(contestId);
        privacies.markPurged(contestId, now);
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("phonesReplaced", replaced);
        d.put("addressesRemoved", addresses);
        d.put("retentionDays", s.retentionDays());
        d.put("keptUntil", due.toString());
        d.put("early", early && now.isBefore(due));
        audit.record(actor, "privacy.purge", contestId, c.name(), d);
        log.info("Purged personal data of contest {}: phones replaced {}, addresses removed {}", contestId, replaced, addresses);
        return new Purged(contestId, replaced, addresses, left, now, early && now.isBefore(due));
    }

    /** The contests whose retention period is over and that still hold full numbers (the daily job's list). */
    public List<Long> due() {
        Instant now = Instant.now(clock);
        List<Long> due = new ArrayList<>();
        for (Contest c : contesting.all()) {
            PrivacySettings s = privacies.find(c.id()).orElseGet(() -> PrivacySettings.defaults(c.id()));
            if (!now.isBefore(keptUntil(c, s)) && store.fullPhones(c.id()) > 0) {
                due.add(c.id());
            }
        }
        return due;
    }

    /**
     * What is stored about the person with this phone in the contest, for that person only: they prove it is them with
     * a one-time code sent to the phone (where codes are on) or with the token of one of their attempts, which the
     * answer page keeps. Anything else is refused, so another person's number gives nothing.
     */
    public Map<String, Object> lookUp(long contestId, String rawPhone, String code, String token) {
        return lookUp(contestId, rawPhone, code, null, token);
    }

    /** As above, also with the resume code shown during the attempt (on any device, SMS or not). */
    public Map<String, Object> lookUp(long contestId, String rawPhone, String code, String resumeCode, String token) {
        Contest c = contesting.get(contestId);
        String phone = Phones.normalize(rawPhone).orElseThrow(ParticipantIdentity::phoneRequired);
        String stored = store.pseudonymWithHash(contestId, Pseudonym.shortHash(key.hash(PHONE_PURPOSE, phone))).orElse(phone);
        if (code != null && !code.isBlank()) {
            if (!identity.codesRequired() || !identity.checkCode(phone, code.strip())) {
                throw ParticipantIdentity.invalidCode();
            }
        } else if (resumeCode != null && !resumeCode.isBlank()) {
            AttemptOwnership proof = ownership.getIfAvailable();
            if (proof == null || !proof.provenByResumeCode(contestId, phone, resumeCode)) {
                throw Refusal.forbidden("invalid_resume_code", "refusal.resumeCode.invalid");
            }
        } else if (token != null && !token.isBlank()) {
            Optional<String> owner = store.phoneOfToken(contestId, sha256(token.strip()));
            if (owner.isEmpty() || !owner.get().equals(stored)) {
                throw Refusal.forbidden("forbidden", "refusal.privacy.tokenNotThisPhone");
            }
        } else {
            throw Refusal.invalid("proof_required", identity.codesRequired() ? "refusal.privacy.enterCode"
                            : "refusal.privacy.samePhone")
                    .withDetails(List.of(Reason.field(identity.codesRequired() ? "code" : "token", "refusal.field.required")));
        }
        PrivacySettings s = settings(contestId);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("contest", c.name());
        boolean purged = Pseudonym.is(stored);
        out.put("phone", purged ? Phones.mask(stored) : phone);
        out.put("phonePurged", purged);
        out.put("keptUntil", keptUntil(c, s).toString());
        out.put("attempts", store.attempts(contestId, stored).stream().map(PersonalData::attempt).toList());
        out.put("offlineResults", store.offlineResults(contestId, stored).stream().map(r -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("ticket", r.get("ticket"));
            m.put("name", r.get("name"));
            m.put("unit", r.get("unit_name") == null ? r.get("unit_code") : r.get("unit_name"));
            m.put("score", r.get("score"));
            m.put("maxScore", r.get("max_score"));
            m.put("venue", r.get("venue"));
            return m;
        }).toList());
        out.put("roster", store.rosterEntries(contestId, stored).stream().map(r -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", r.get("name"));
            m.put("unit", r.get("unit_name") == null ? r.get("unit_code") : r.get("unit_name"));
            return m;
        }).toList());
        return out;
    }

    private static Map<String, Object> attempt(Map<String, Object> r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("attemptNo", r.get("attempt_no"));
        m.put("name", r.get("name"));
        m.put("unit", r.get("unit_name") == null ? r.get("unit_code") : r.get("unit_name"));
        m.put("startedAt", instant(r.get("issued_at")));
        m.put("submittedAt", instant(r.get("submitted_at")));
        m.put("score", r.get("score"));
        m.put("maxScore", r.get("max_score"));
        m.put("accuracy", r.get("accuracy"));
        m.put("durationMs", r.get("duration_ms"));
        m.put("address", r.get("client_ip"));
        return m;
    }

    private static String instant(Object epochMillis) {
        return epochMillis instanceof Number n ? Instant.ofEpochMilli(n.longValue()).toString() : null;
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
