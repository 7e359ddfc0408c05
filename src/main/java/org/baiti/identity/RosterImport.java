package org.baiti.identity;

import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.baiti.Ids;
import org.baiti.audit.AuditLog;
import org.baiti.contest.Contest;
import org.baiti.contest.Contesting;
import org.baiti.contest.ImportLog;
import org.baiti.contest.ImportResult;
import org.baiti.person.Phones;
import org.baiti.refusal.Refusal;
import org.baiti.sheet.Column;
import org.baiti.sheet.RowError;
import org.baiti.sheet.SheetException;
import org.baiti.sheet.SheetReader;
import org.baiti.sheet.Uploads;
import org.baiti.unit.Unit;
import org.baiti.unit.UnitScope;
import org.baiti.unit.UnitScopes;
import org.baiti.unit.Units;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports a contest's roster (姓名, 手机号, 单位编码): all rows or none, the same file twice changes nothing, a person
 * (phone) listed again with another name or unit is corrected. A coordinator imports only rows of its own unit and
 * the units below; any other row is a row error.
 */
@Service
public class RosterImport {

    static final Column NAME = Column.required("name", "姓名", "name");
    static final Column PHONE = Column.required("phone", "手机号", "phone");
    static final Column UNIT = Column.required("unit", "单位编码", "unit");
    static final List<Column> COLUMNS = List.of(NAME, PHONE, UNIT);
    static final int MAX_NAME = 50;

    private final Rosters rosters;
    private final Contesting contesting;
    private final Units units;
    private final UnitScopes scopes;
    private final ImportLog importLog;
    private final AuditLog audit;
    private final Clock clock;

    RosterImport(Rosters rosters, Contesting contesting, Units units, UnitScopes scopes, ImportLog importLog,
                 AuditLog audit, Clock clock) {
        this.rosters = rosters;
        this.contesting = contesting;
        this.units = units;
        this.scopes = scopes;
        this.importLog = importLog;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public ImportResult importFile(long contestId, String fileName, InputStream in, String who) {
        Contest contest = contesting.get(contestId);
        UnitScope scope = scopes.current(contestId);
        contesting.requireNotFrozen(contest);
        Uploads.Spooled file = Uploads.spool(in);
        Map<String, Unit> byCode = new HashMap<>();
        Map<String, List<Unit>> byName = new HashMap<>();
        for (Unit u : units.all(contestId)) {
            byCode.put(u.code(), u);
            byName.computeIfAbsent(u.name(), k -> new ArrayList<>()).add(u);
        }
        List<RowError> errors = new ArrayList<>();
        Map<String, RosterEntry> parsed = new LinkedHashMap<>();
        try {
            SheetReader.read(file.path(), COLUMNS, r -> {
                int row = r.rowNumber();
                String name = r.get("name");
                if (name.isEmpty()) {
                    errors.add(RowError.required(row, NAME));
                } else if (name.codePointCount(0, name.length()) > MAX_NAME) {
                    errors.add(RowError.tooLong(row, NAME, MAX_NAME));
                }
                Optional<String> phone = Phones.normalize(r.get("phone"));
                if (r.get("phone").isEmpty()) {
                    errors.add(RowError.required(row, PHONE));
                } else if (phone.isEmpty()) {
                    errors.add(RowError.invalid(row, PHONE, "row.phone.invalid"));
                }
                Unit unit = unit(r.get("unit"), byCode, byName, row, errors);
                if (unit != null && !scope.covers(unit.code())) {
                    errors.add(RowError.invalid(row, UNIT, "row.unit.not_yours"));
                    unit = null;
                }
                if (phone.isPresent()) {
                    RosterEntry before = parsed.get(phone.get());
                    if (before != null) {
                        errors.add(RowError.duplicate(row, PHONE, before.rowNo()));
                        return;
                    }
                }
                if (!name.isEmpty() && phone.isPresent() && unit != null) {
                    parsed.put(phone.get(), new RosterEntry(contestId, phone.get(), name, unit.code(), row));
                } else if (phone.isPresent()) {
                    parsed.put(phone.get(), new RosterEntry(contestId, phone.get(), "", "", row)); // for duplicates only
                }
            });
        } catch (SheetException e) {
            throw Refusal.invalid("invalid_file", "import.cannot_import").withDetails(e.errors());
        } finally {
            file.delete();
        }
        if (parsed.isEmpty() && errors.isEmpty()) {
            throw Refusal.invalid("empty_file", "import.empty_file");
        }
        Map<String, RosterEntry> stored = rosters.byPhones(contestId, parsed.keySet());
        List<RosterEntry> added = new ArrayList<>();
        List<RosterEntry> changed = new ArrayList<>();
        for (RosterEntry e : parsed.values()) {
            if (e.unitCode().isEmpty()) {
                continue;
            }
            RosterEntry before = stored.get(e.phone());
            if (before == null) {
                added.add(e);
            } else if (!scope.covers(before.unitCode())) {
                errors.add(RowError.invalid(e.rowNo(), PHONE, "row.roster.other_unit"));
            } else if (!before.name().equals(e.name()) || !before.unitCode().equals(e.unitCode())) {
                changed.add(e);
            }
        }
        if (!errors.isEmpty()) {
            errors.sort(java.util.Comparator.comparingInt(RowError::row));
            throw Refusal.invalid("invalid_file", "import.errors", errors.size()).withDetails(errors);
        }
        rosters.upsert(added, changed);
        if (!added.isEmpty() || !changed.isEmpty()) {
            importLog.record(new ImportLog.Entry(Ids.next(), contestId, "roster", fileName, file.sha256(), parsed.size(),
                    added.size(), changed.size(), who, Instant.now(clock)));
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("sha256", file.sha256());
            detail.put("rows", parsed.size());
            detail.put("added", added.size());
            detail.put("changed", changed.size());
            audit.record(who, "roster.import", contestId, fileName, detail);
        }
        return new ImportResult(parsed.size(), added.size(), changed.size());
    }

    /** The roster entries the signed-in account may see (a coordinator: its units), full phone numbers (staff only). */
    public List<RosterEntry> all(long contestId) {
        contesting.get(contestId);
        UnitScope scope = scopes.current(contestId);
        return rosters.all(contestId).stream().filter(e -> scope.covers(e.unitCode())).toList();
    }

    private static Unit unit(String text, Map<String, Unit> byCode, Map<String, List<Unit>> byName, int row,
                             List<RowError> errors) {
        if (text.isEmpty()) {
            errors.add(RowError.required(row, UNIT));
            return null;
        }
        Unit u = byCode.get(text);
        if (u != null) {
            return u;
        }
        List<Unit> named = byName.getOrDefault(text, List.of());
        if (named.size() == 1) {
            return named.get(0);
        }
        errors.add(RowError.invalid(row, UNIT, named.isEmpty() ? "row.unit.unknown_code" : "row.unit.ambiguous_name", text));
        return null;
    }
}
