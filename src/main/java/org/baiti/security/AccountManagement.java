package org.baiti.security;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

import org.baiti.audit.AuditLog;
import org.baiti.refusal.Reason;
import org.baiti.refusal.Refusal;
import org.baiti.text.TextInput;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The administrator's use cases for staff accounts; every change is audited, never the password itself. */
@Service
public class AccountManagement {

    static final int MIN_PASSWORD = 10;
    /** bcrypt's limit. */
    static final int MAX_PASSWORD_BYTES = 72;
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.@-]{1,39}");

    private final Accounts accounts;
    private final PasswordEncoder encoder;
    private final UnitDirectory units;
    private final AuditLog audit;
    private final Clock clock;

    AccountManagement(Accounts accounts, PasswordEncoder encoder, UnitDirectory units, AuditLog audit, Clock clock) {
        this.accounts = accounts;
        this.encoder = encoder;
        this.units = units;
        this.audit = audit;
        this.clock = clock;
    }

    /** A new account. */
    public record NewAccount(String username, String displayName, Role role, String password, Long unitContest,
                             String unitCode) {
    }

    /** A change; null fields stay as they are. */
    public record Change(String displayName, Role role, Boolean enabled, String password, Long unitContest,
                         String unitCode) {
    }

    /** An account as shown: never the password hash. */
    public record View(String username, String displayName, Role role, Long unitContest, String unitCode,
                       boolean enabled, Instant createdAt) {
        static View of(Account a) {
            return new View(a.username(), a.displayName(), a.role(), a.unitContest(), a.unitCode(), a.enabled(),
                    a.createdAt());
        }
    }

    public List<View> all() {
        return accounts.all().stream().map(View::of).toList();
    }

    @Transactional
    public View create(NewAccount cmd) {
        if (cmd == null) {
            throw Refusal.invalid("invalid_field", "refusal.missing_body");
        }
        List<Reason> errors = new ArrayList<>();
        String username = cmd.username() == null ? "" : cmd.username().strip();
        if (!USERNAME.matcher(username).matches()) {
            errors.add(Reason.field("username", "refusal.account.username"));
        }
        if (cmd.role() == null) {
            errors.add(Reason.field("role", "refusal.account.role"));
        }
        checkPassword(cmd.password(), errors);
        Long unitContest = null;
        String unitCode = null;
        if (cmd.role() == Role.COORDINATOR) {
            unitContest = cmd.unitContest();
            unitCode = blankToNull(cmd.unitCode());
            checkUnit(unitContest, unitCode, errors);
        }
        invalid(errors);
        if (accounts.find(username).isPresent()) {
            throw Refusal.conflict("exists", "refusal.account.exists", username);
        }
        Account a = new Account(username, encoder.encode(cmd.password()), cmd.role(), displayName(cmd.displayName(), username),
                true, Instant.now(clock).truncatedTo(java.time.temporal.ChronoUnit.MILLIS), unitContest, unitCode);
        accounts.insert(a);
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("role", a.role().name());
        detail.put("displayName", a.displayName());
        detail.put("unitContest", a.unitContest());
        detail.put("unitCode", a.unitCode());
        audit.record("account.create", a.unitContest(), a.username(), detail);
        return View.of(a);
    }

    @Transactional
    public View update(String username, Change cmd) {
        Account old = accounts.find(username)
                .orElseThrow(() -> Refusal.notFound("not_found", "refusal.account.none", username));
        if (cmd == null) {
            throw Refusal.invalid("invalid_field", "refusal.missing_body");
        }
        List<Reason> errors = new ArrayList<>();
        Role role = cmd.role() == null ? old.role() : cmd.role();
        boolean enabled = cmd.enabled() == null ? old.enabled() : cmd.enabled();
        String display = cmd.displayName() == null ? old.displayName() : displayName(cmd.displayName(), username);
        if (cmd.password() != null) {
            checkPassword(cmd.password(), errors);
        }
        Long unitContest = null;
        String unitCode = null;
        if (role == Role.COORDINATOR) {
            unitContest = cmd.unitContest() != null ? cmd.unitContest() : old.unitContest();
            unitCode = cmd.unitCode() != null ? blankToNull(cmd.unitCode()) : old.unitCode();
            checkUnit(unitContest, unitCode, errors);
        }
        invalid(errors);
        if (old.role() == Role.ADMIN && old.enabled() && (role != Role.ADMIN || !enabled)
                && accounts.countEnabled(Role.ADMIN) <= 1) {
            throw Refusal.conflict("last_admin", "refusal.account.lastAdminChange");
        }
        String hash = cmd.password() == null ? old.passwordHash() : encoder.encode(cmd.password());
        Account a = new Account(old.username(), hash, role, display, enabled, old.createdAt(), unitContest, unitCode);
        accounts.update(a);
        Map<String, Object> changes = new LinkedHashMap<>();
        diff(changes, "role", old.role().name(), a.role().name());
        diff(changes, "enabled", old.enabled(), a.enabled());
        diff(changes, "displayName", old.displayName(), a.displayName());
        diff(changes, "unitContest", old.unitContest(), a.unitContest());
        diff(changes, "unitCode", old.unitCode(), a.unitCode());
        if (cmd.password() != null) {
            changes.put("password", "reset");
        }
        if (!changes.isEmpty()) {
            audit.record("account.update", a.unitContest(), a.username(), changes);
        }
        return View.of(a);
    }

    /**
     * Removes an account for good (its past actions stay in the audit trail under its name). Not the account doing it,
     * and not the last enabled administrator.
     */
    @Transactional
    public void delete(String username) {
        Account old = accounts.find(username)
                .orElseThrow(() -> Refusal.notFound("not_found", "refusal.account.none", username));
        if (Staff.current().map(s -> s.username().equals(username)).orElse(false)) {
            throw Refusal.conflict("self", "refusal.account.self");
        }
        if (old.role() == Role.ADMIN && old.enabled() && accounts.countEnabled(Role.ADMIN) <= 1) {
            throw Refusal.conflict("last_admin", "refusal.account.lastAdminRemove");
        }
        accounts.delete(username);
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("role", old.role().name());
        detail.put("displayName", old.displayName());
        detail.put("unitContest", old.unitContest());
        detail.put("unitCode", old.unitCode());
        audit.record("account.delete", old.unitContest(), username, detail);
    }

    /** How many coordinator accounts look after a unit of the contest (a contest with any cannot be deleted). */
    public long coordinatorsOf(long contestId) {
        return accounts.countForContest(contestId);
    }

    private void checkUnit(Long unitContest, String unitCode, List<Reason> errors) {
        if (unitContest == null || unitCode == null) {
            errors.add(Reason.field("unitCode", "refusal.account.unitMissing"));
        } else if (!units.exists(unitContest, unitCode)) {
            errors.add(Reason.field("unitCode", "refusal.account.unitUnknown", unitCode));
        }
    }

    private static void checkPassword(String password, List<Reason> errors) {
        int length = password == null ? 0 : password.codePointCount(0, password.length());
        if (length < MIN_PASSWORD) {
            errors.add(Reason.field("password", "refusal.account.passwordShort", MIN_PASSWORD));
        } else if (password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            // bcrypt reads only the first 72 bytes: a longer password would be cut without anyone knowing.
            errors.add(Reason.field("password", "refusal.account.passwordLong", MAX_PASSWORD_BYTES));
        }
    }

    private static void invalid(List<Reason> errors) {
        if (!errors.isEmpty()) {
            throw Refusal.invalid("invalid_field", "refusal.account.invalid").withDetails(errors);
        }
    }

    private static void diff(Map<String, Object> changes, String name, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("from", before);
            d.put("to", after);
            changes.put(name, d);
        }
    }

    /** The display name as given (NFC, trimmed), the user name when blank; refused when it breaks the text policy. */
    private static String displayName(String given, String username) {
        String s = given == null ? "" : TextInput.clean(given);
        Optional<TextInput.Problem> problem = TextInput.problemOfLine(s);
        if (!s.isEmpty() && problem.isPresent()) {
            throw Refusal.invalid("invalid_field", "refusal.account.invalid")
                    .withDetails(List.of(Reason.field("displayName", problem.get().key())));
        }
        if (s.codePointCount(0, s.length()) > 100) {
            throw Refusal.invalid("invalid_field", "refusal.account.invalid")
                    .withDetails(List.of(Reason.field("displayName", "refusal.field.tooLong", 100)));
        }
        return s.isEmpty() ? username : s;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
