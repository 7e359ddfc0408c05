package org.baiti.report;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.baiti.audit.AuditLog;
import org.baiti.contest.Contest;
import org.baiti.contest.Contesting;
import org.baiti.refusal.Reason;
import org.baiti.refusal.Refusal;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The issuer, date and seal text printed on a contest's certificates (table {@code certificate_setting}, V95), set
 * on the certificates page. Every change goes to the audit log.
 */
@Component
class CertificateSettings {

    static final int MAX_ISSUER = 60;
    static final int MAX_SEAL = 30;

    /** What the certificates print; {@code issuedOn} null means the day they are printed. */
    record Setting(String issuer, LocalDate issuedOn, String sealText, boolean saved) {
    }

    private final JdbcClient jdbc;
    private final Contesting contesting;
    private final AuditLog audit;
    private final Clock clock;

    CertificateSettings(JdbcClient jdbc, Contesting contesting, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.contesting = contesting;
        this.audit = audit;
        this.clock = clock;
    }

    /** The saved setting, or the defaults: {@code defaultIssuer} (in the page's language), today, the issuer as seal. */
    Setting get(Contest c, String defaultIssuer) {
        Optional<Setting> saved = jdbc.sql("SELECT issuer, issued_on, seal_text FROM certificate_setting WHERE contest_id = ?")
                .param(c.id())
                .query((rs, i) -> new Setting(rs.getString(1), rs.getString(2) == null ? null : LocalDate.parse(rs.getString(2)),
                        rs.getString(3), true))
                .optional();
        return saved.orElseGet(() -> new Setting(defaultIssuer, null, defaultIssuer, false));
    }

    /** Checks and stores the three fields; refuses with every problem at once, storing nothing. */
    @Transactional
    Setting save(long contestId, String issuer, String issuedOn, String sealText) {
        Contest c = contesting.get(contestId);
        String i = issuer == null ? "" : issuer.strip();
        String s = sealText == null ? "" : sealText.strip();
        String d = issuedOn == null ? "" : issuedOn.strip();
        List<Reason> problems = new ArrayList<>();
        if (i.isEmpty() || i.codePointCount(0, i.length()) > MAX_ISSUER) {
            problems.add(Reason.field("issuer", "refusal.field.lengthRange", MAX_ISSUER));
        }
        if (s.codePointCount(0, s.length()) > MAX_SEAL) {
            problems.add(Reason.field("sealText", "refusal.field.tooLong", MAX_SEAL));
        }
        LocalDate date = null;
        if (!d.isEmpty()) {
            try {
                date = LocalDate.parse(d);
            } catch (DateTimeParseException e) {
                problems.add(Reason.field("issuedOn", "refusal.field.badDate"));
            }
        }
        if (!problems.isEmpty()) {
            throw Refusal.invalid("invalid_field", "refusal.certificate.invalid").withDetails(problems);
        }
        String seal = s.isEmpty() ? i : s;
        jdbc.sql("""
                INSERT INTO certificate_setting (contest_id, issuer, issued_on, seal_text, updated_at) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (contest_id) DO UPDATE SET issuer = excluded.issuer, issued_on = excluded.issued_on,
                    seal_text = excluded.seal_text, updated_at = excluded.updated_at""")
                .params(c.id(), i, date == null ? null : date.toString(), seal, clock.millis())
                .update();
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("issuer", i);
        detail.put("issuedOn", date == null ? "" : date.toString());
        detail.put("sealText", seal);
        audit.record("certificate.settings", c.id(), c.name(), detail);
        return new Setting(i, date, seal, true);
    }
}
