package org.baiti.identity;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.baiti.audit.AuditLog;
import org.baiti.contest.Contesting;
import org.baiti.identity.internal.DevelopmentSmsSender;
import org.baiti.person.Phones;
import org.baiti.refusal.Reason;
import org.baiti.refusal.Refusal;
import org.baiti.unit.Unit;
import org.baiti.unit.Units;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Whether a person may start an online attempt: on the roster when the contest requires one, and holding a valid
 * one-time code when codes are switched on ({@code baiti.otp.enabled}).
 */
@Service
public class ParticipantIdentity {

    private final Rosters rosters;
    private final Units units;
    private final Contesting contesting;
    private final AuditLog audit;
    private final Clock clock;
    private final OneTimeCodes codes;
    private final DevelopmentSmsSender development;

    ParticipantIdentity(Rosters rosters, Units units, Contesting contesting, AuditLog audit, Clock clock,
                        ObjectProvider<OneTimeCodes> codes, ObjectProvider<DevelopmentSmsSender> development,
                        OtpProperties otp) {
        boolean enabled = otp.enabled();
        String provider = otp.provider();
        this.rosters = rosters;
        this.units = units;
        this.contesting = contesting;
        this.audit = audit;
        this.clock = clock;
        this.codes = enabled ? codes.getIfAvailable() : null;
        this.development = development.getIfAvailable();
        if (enabled && this.codes == null) {
            throw new IllegalStateException("baiti.otp.enabled=true but there is no OneTimeCodes bean for provider '"
                    + provider + "' (docs/security.md explains how to plug in an SMS gateway)");
        }
    }

    /** Whether an attempt start needs a one-time code. */
    public boolean codesRequired() {
        return codes != null;
    }

    /** Whether the code is the one last sent to the phone and still valid (false when codes are off). */
    public boolean checkCode(String phone, String code) {
        return codes != null && code != null && codes.check(phone, code.strip());
    }

    public boolean rosterRequired(long contestId) {
        return contesting.rosterRequired(contestId);
    }

    /** Sends a code to the phone (at most one a minute per phone). */
    public Map<String, Object> sendCode(long contestId, String rawPhone) {
        contesting.get(contestId);
        if (codes == null) {
            throw Refusal.notFound("not_found", "refusal.codes.notUsed");
        }
        String phone = Phones.normalize(rawPhone).orElseThrow(ParticipantIdentity::phoneRequired);
        codes.send(phone); // the resend pause and the day's cap are the codes' own (StoredOneTimeCodes)
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("sent", true);
        answer.put("phone", Phones.mask(phone));
        if (development != null) {
            development.lastCode(phone).ifPresent(c -> answer.put("developmentCode", c));
        }
        return answer;
    }

    /**
     * Refuses a start that the contest's identity rules do not allow: {@code 400 code_required} /
     * {@code 403 invalid_code} when codes are on, {@code 403 not_on_roster} when the roster is required and no entry
     * matches the phone, the name and the unit (the entry's unit or one below it).
     *
     * @param phone the normalized phone
     */
    public void requireAllowed(long contestId, String name, String phone, String unitCode, String code) {
        if (codes != null) {
            if (code == null || code.isBlank()) {
                throw Refusal.invalid("code_required", "refusal.codes.required")
                        .withDetails(List.of(Reason.field("code", "refusal.field.required")));
            }
            if (!codes.check(phone, code.strip())) {
                throw invalidCode();
            }
        }
        if (contesting.rosterRequired(contestId) && !onRoster(contestId, name, phone, unitCode)) {
            throw Refusal.forbidden("not_on_roster", "refusal.notOnRoster");
        }
    }

    /** The refusal of a phone number that is not an 11-digit mainland mobile number. */
    public static Refusal phoneRequired() {
        return Refusal.invalid("invalid_field", "refusal.phone")
                .withDetails(List.of(Reason.field("phone", "refusal.phone")));
    }

    /** The refusal of a one-time code that is not the last one sent to the phone, or is no longer valid. */
    public static Refusal invalidCode() {
        return Refusal.forbidden("invalid_code", "refusal.codes.invalid");
    }

    private boolean onRoster(long contestId, String name, String phone, String unitCode) {
        Optional<RosterEntry> e = rosters.find(contestId, phone);
        if (e.isEmpty() || !e.get().name().equals(name == null ? "" : name.strip())) {
            return false;
        }
        // the attempt's unit is the entry's unit or lies below it
        String code = unitCode;
        for (int depth = 0; code != null && depth < 64; depth++) {
            if (code.equals(e.get().unitCode())) {
                return true;
            }
            code = units.find(contestId, code).map(Unit::parentCode).orElse(null);
        }
        return false;
    }

    @Transactional
    public boolean setRosterRequired(long contestId, boolean required) {
        contesting.get(contestId);
        boolean before = contesting.rosterRequired(contestId);
        if (before != required) {
            contesting.setRosterRequired(contestId, required);
            audit.record("roster.required", contestId, Boolean.toString(required), Map.of("from", before, "to", required));
        }
        return required;
    }
}
