package org.baiti.unit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.baiti.sheet.RowError;

/**
 * The rules of a unit-tree import (SPEC §2.2), as plain Java: unique codes, known parents, no cycles,
 * headcounts on top-level units; and the top-level unit every unit rolls up to. Reasons are message keys
 * ({@code row.*}), worded where they are shown.
 */
public final class UnitTree {

    /** One row of the file, as read. */
    public record Row(int row, String code, String name, String parent, String headcount) {
    }

    /** What the import would do: new units, changed units, unchanged count, or the bad rows. */
    public record Plan(List<Unit> added, List<Unit> changed, int unchanged, List<RowError> errors) {
    }

    static final String CODE = "单位编码 / code";
    static final String NAME = "单位名称 / name";
    static final String PARENT = "上级单位编码 / parent";
    static final String HEADCOUNT = "应参赛人数 / headcount";

    private UnitTree() {
    }

    /** The codes of a unit and every unit below it (empty when there is no such unit). */
    public static Set<String> subtree(List<Unit> units, String rootCode) {
        Map<String, List<String>> children = new HashMap<>();
        boolean found = false;
        for (Unit u : units) {
            found |= u.code().equals(rootCode);
            if (u.parentCode() != null) {
                children.computeIfAbsent(u.parentCode(), k -> new ArrayList<>()).add(u.code());
            }
        }
        Set<String> out = new HashSet<>();
        if (!found) {
            return out;
        }
        java.util.ArrayDeque<String> todo = new java.util.ArrayDeque<>(List.of(rootCode));
        while (!todo.isEmpty()) {
            String c = todo.pop();
            if (out.add(c)) {
                todo.addAll(children.getOrDefault(c, List.of()));
            }
        }
        return out;
    }

    public static Plan plan(long contestId, List<Unit> existing, List<Row> rows) {
        List<RowError> errors = new ArrayList<>();
        Map<String, Row> byCode = new LinkedHashMap<>();
        Map<String, Integer> headcounts = new HashMap<>();
        for (Row r : rows) {
            if (r.code().isEmpty()) {
                errors.add(RowError.of(r.row(), CODE, "row.required"));
            } else if (r.code().length() > 64) {
                errors.add(RowError.of(r.row(), CODE, "row.too_long", 64));
            } else if (byCode.containsKey(r.code())) {
                errors.add(RowError.of(r.row(), CODE, "row.unit.duplicate_code",
                        String.valueOf(byCode.get(r.code()).row())));
            }
            if (r.name().isEmpty()) {
                errors.add(RowError.of(r.row(), NAME, "row.required"));
            } else if (r.name().length() > 200) {
                errors.add(RowError.of(r.row(), NAME, "row.too_long", 200));
            }
            if (!r.parent().isEmpty() && r.parent().equals(r.code())) {
                errors.add(RowError.of(r.row(), PARENT, "row.unit.own_parent"));
            }
            Integer hc = null;
            if (!r.headcount().isEmpty()) {
                try {
                    hc = Integer.valueOf(stripDecimalZero(r.headcount()));
                    if (hc < 0) {
                        throw new NumberFormatException();
                    }
                } catch (NumberFormatException e) {
                    errors.add(RowError.of(r.row(), HEADCOUNT, "row.unit.headcount", r.headcount()));
                }
            }
            if (r.parent().isEmpty() && r.headcount().isEmpty()) {
                errors.add(RowError.of(r.row(), HEADCOUNT, "row.unit.top_headcount_required"));
            } else if (r.parent().isEmpty() && hc != null && hc == 0) {
                errors.add(RowError.of(r.row(), HEADCOUNT, "row.unit.top_headcount_zero"));
            }
            if (!r.code().isEmpty() && !byCode.containsKey(r.code())) {
                byCode.put(r.code(), r);
                headcounts.put(r.code(), hc);
            }
        }
        Map<String, Unit> old = new HashMap<>();
        for (Unit u : existing) {
            old.put(u.code(), u);
        }
        // The tree after the import: file rows override stored units with the same code.
        Map<String, String> parentOf = new HashMap<>();
        for (Unit u : existing) {
            parentOf.put(u.code(), u.parentCode());
        }
        for (Row r : byCode.values()) {
            parentOf.put(r.code(), r.parent().isEmpty() ? null : r.parent());
        }
        for (Row r : byCode.values()) {
            if (!r.parent().isEmpty() && !parentOf.containsKey(r.parent())) {
                errors.add(RowError.of(r.row(), PARENT, "row.unit.unknown_parent", r.parent()));
            }
        }
        Map<String, String> topOf = new HashMap<>();
        Map<String, Integer> depthOf = new HashMap<>();
        for (Row r : byCode.values()) {
            Set<String> seen = new HashSet<>();
            String c = r.code();
            int depth = 0;
            boolean cycle = false;
            while (parentOf.get(c) != null && parentOf.containsKey(parentOf.get(c))) {
                if (!seen.add(c)) {
                    cycle = true;
                    break;
                }
                c = parentOf.get(c);
                depth++;
            }
            if (cycle) {
                errors.add(RowError.of(r.row(), PARENT, "row.unit.cycle"));
            }
            topOf.put(r.code(), c);
            depthOf.put(r.code(), depth);
        }
        if (!errors.isEmpty()) {
            errors.sort((a, b) -> a.row() != b.row() ? Integer.compare(a.row(), b.row()) : a.column().compareTo(b.column()));
            return new Plan(List.of(), List.of(), 0, errors);
        }
        List<Unit> added = new ArrayList<>();
        List<Unit> changed = new ArrayList<>();
        int unchanged = 0;
        int nextSeq = existing.stream().mapToInt(Unit::seq).max().orElse(0) + 1;
        for (Row r : byCode.values()) {
            Unit before = old.get(r.code());
            String parent = r.parent().isEmpty() ? null : r.parent();
            Unit after = new Unit(contestId, r.code(), r.name(), parent, topOf.get(r.code()), depthOf.get(r.code()),
                    headcounts.get(r.code()), before == null ? null : before.attention(),
                    before == null ? nextSeq++ : before.seq());
            if (before == null) {
                added.add(after);
            } else if (!after.equals(before)) {
                changed.add(after);
            } else {
                unchanged++;
            }
        }
        // A stored unit not in the file may still move under a new top if its parent moved.
        for (Unit u : existing) {
            if (byCode.containsKey(u.code())) {
                continue;
            }
            String c = u.code();
            int depth = 0;
            Set<String> seen = new HashSet<>();
            while (parentOf.get(c) != null && seen.add(c)) {
                c = parentOf.get(c);
                depth++;
            }
            if (!Objects.equals(c, u.topCode()) || depth != u.depth()) {
                changed.add(new Unit(contestId, u.code(), u.name(), u.parentCode(), c, depth, u.headcount(), u.attention(), u.seq()));
            }
        }
        return new Plan(added, changed, unchanged, List.of());
    }

    private static String stripDecimalZero(String s) {
        return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
    }
}
