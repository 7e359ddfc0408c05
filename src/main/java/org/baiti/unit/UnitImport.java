package org.baiti.unit;

import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.baiti.Ids;
import org.baiti.audit.AuditLog;
import org.baiti.contest.Contest;
import org.baiti.contest.Contesting;
import org.baiti.contest.ImportLog;
import org.baiti.contest.ImportResult;
import org.baiti.refusal.Refusal;
import org.baiti.sheet.Column;
import org.baiti.sheet.SheetException;
import org.baiti.sheet.SheetReader;
import org.baiti.sheet.Uploads;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Imports a unit tree (SPEC §2.2): all rows or none, the same file twice changes nothing. */
@Service
public class UnitImport {

    static final List<Column> COLUMNS = List.of(
            new Column("code", List.of("单位编码", "code"), true),
            new Column("name", List.of("单位名称", "name"), true),
            new Column("parent", List.of("上级单位编码", "parent"), false),
            new Column("headcount", List.of("应参赛人数", "headcount"), false));

    private final Units units;
    private final Contesting contesting;
    private final ImportLog importLog;
    private final Clock clock;
    private final AuditLog audit;
    private final UnitScopes scopes;

    UnitImport(Units units, Contesting contesting, ImportLog importLog, Clock clock, AuditLog audit, UnitScopes scopes) {
        this.units = units;
        this.contesting = contesting;
        this.importLog = importLog;
        this.clock = clock;
        this.audit = audit;
        this.scopes = scopes;
    }

    @Transactional
    public ImportResult importFile(long contestId, String fileName, InputStream in, String who) {
        Contest contest = contesting.get(contestId);
        contesting.requireNotFrozen(contest);
        Uploads.Spooled file = Uploads.spool(in);
        List<UnitTree.Row> rows = new ArrayList<>();
        try {
            SheetReader.read(file.path(), COLUMNS, r -> rows.add(new UnitTree.Row(r.rowNumber(),
                    r.get("code"), r.get("name"), r.get("parent"), r.get("headcount"))));
        } catch (SheetException e) {
            throw Refusal.invalid("invalid_file", "import.cannot_import").withDetails(e.errors());
        } finally {
            file.delete();
        }
        if (rows.isEmpty()) {
            throw Refusal.invalid("empty_file", "import.empty_file");
        }
        UnitTree.Plan plan = UnitTree.plan(contestId, units.all(contestId), rows);
        if (!plan.errors().isEmpty()) {
            throw Refusal.invalid("invalid_file", "import.errors", plan.errors().size()).withDetails(plan.errors());
        }
        units.upsert(plan.added(), plan.changed());
        if (!plan.added().isEmpty() || !plan.changed().isEmpty()) {
            importLog.record(new ImportLog.Entry(Ids.next(), contestId, "units", fileName, file.sha256(), rows.size(),
                    plan.added().size(), plan.changed().size(), who, Instant.now(clock)));
            audit.record(who, "units.import", contestId, fileName, importDetail(file.sha256(), rows.size(),
                    plan.added().size(), plan.changed().size()));
        }
        return new ImportResult(rows.size(), plan.added().size(), plan.changed().size());
    }

    /** The units of a contest the signed-in account may see (a coordinator: its unit and those below). */
    public List<Unit> all(long contestId) {
        contesting.get(contestId);
        UnitScope scope = scopes.current(contestId);
        List<Unit> all = units.all(contestId);
        return scope.unlimited() ? all : all.stream().filter(u -> scope.covers(u.code())).toList();
    }

    /** One unit; 403 for a coordinator when it is not theirs or below. */
    public Unit one(long contestId, String code) {
        contesting.get(contestId);
        UnitScope scope = scopes.current(contestId);
        Unit u = units.find(contestId, code)
                .orElseThrow(() -> Refusal.notFound("not_found", "import.unit.not_found", code));
        if (!scope.covers(code)) {
            throw org.baiti.security.Staff.forbiddenUnit();
        }
        return u;
    }

    @Transactional
    public void setAttention(long contestId, String code, Integer score) {
        Contest contest = contesting.get(contestId);
        contesting.requireNotFrozen(contest);
        if (score == null || score < 0 || score > 100) {
            throw Refusal.invalid("invalid_field", "import.attention.invalid");
        }
        Integer before = units.find(contestId, code).map(Unit::attention).orElse(null);
        if (!units.setAttention(contestId, code, score)) {
            throw Refusal.notFound("not_found", "import.unit.no_top_level", code);
        }
        java.util.Map<String, Object> detail = new java.util.LinkedHashMap<>();
        detail.put("from", before);
        detail.put("to", score);
        audit.record("unit.attention", contestId, code, detail);
    }

    /**
     * The judges' marks of several top-level units at once (the attention table of the pages), all or none: a blank
     * leaves a mark as it is; any bad value or unknown unit refuses the whole table, listing each. Only marks that
     * change are written and audited. Returns how many changed.
     */
    @Transactional
    public int setAttentions(long contestId, java.util.Map<String, String> typed) {
        Contest contest = contesting.get(contestId);
        contesting.requireNotFrozen(contest);
        java.util.Map<String, Unit> tops = new java.util.HashMap<>();
        for (Unit u : units.all(contestId)) {
            if (u.topLevel()) {
                tops.put(u.code(), u);
            }
        }
        List<MarkError> errors = new ArrayList<>();
        java.util.Map<String, Integer> marks = new java.util.LinkedHashMap<>();
        typed.forEach((code, text) -> {
            String t = text == null ? "" : text.strip();
            if (!tops.containsKey(code)) {
                errors.add(new MarkError(code, "import.attention.no_top_level"));
            } else if (!t.isEmpty()) {
                Integer v = null;
                try {
                    v = Integer.valueOf(t);
                } catch (NumberFormatException e) {
                    // reported below
                }
                if (v == null || v < 0 || v > 100) {
                    errors.add(new MarkError(code, "import.attention.not_a_mark", tops.get(code).name(), t));
                } else {
                    marks.put(code, v);
                }
            }
        });
        if (!errors.isEmpty()) {
            throw Refusal.invalid("invalid_field", "import.attention.errors", errors.size()).withDetails(errors);
        }
        int changed = 0;
        for (java.util.Map.Entry<String, Integer> m : marks.entrySet()) {
            Integer before = tops.get(m.getKey()).attention();
            if (m.getValue().equals(before)) {
                continue;
            }
            units.setAttention(contestId, m.getKey(), m.getValue());
            java.util.Map<String, Object> detail = new java.util.LinkedHashMap<>();
            detail.put("from", before);
            detail.put("to", m.getValue());
            audit.record("unit.attention", contestId, m.getKey(), detail);
            changed++;
        }
        return changed;
    }

    /** A mark of the attention table that cannot be saved: {@code {"field": code, "reason"}} in the reader's words. */
    record MarkError(String field, String key, Object... args) implements Refusal.Detail {

        @Override
        public java.util.Map<String, Object> shown(java.util.function.Function<MessageSourceResolvable, String> words) {
            java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
            m.put("field", field);
            m.put("reason", words.apply(new DefaultMessageSourceResolvable(new String[] {key}, args, key)));
            return m;
        }
    }

    static java.util.Map<String, Object> importDetail(String sha256, int rows, int added, int changed) {
        java.util.Map<String, Object> d = new java.util.LinkedHashMap<>();
        d.put("sha256", sha256);
        d.put("rows", rows);
        d.put("added", added);
        d.put("changed", changed);
        return d;
    }
}
