package org.baiti.offline;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.baiti.bank.Marking;
import org.baiti.bank.Question;
import org.baiti.person.Phones;
import org.baiti.sheet.RowError;
import org.baiti.unit.Unit;

/**
 * Reading one offline-results row (SPEC §2.3) into an {@link OfflineResult}, or the reasons it is wrong (message keys
 * {@code row.*}, worded where they are shown). Plain Java.
 */
public final class OfflineRules {

    static final String TICKET = "准考证号 / ticket";
    static final String NAME = "姓名 / name";
    static final String PHONE = "手机号 / phone";
    static final String UNIT = "单位编码 / unit";
    static final String SCORE = "得分 / score";
    static final String ANSWERS = "答案 / answers";
    static final String VENUE = "考场 / venue";

    static final int MAX_TICKET = 64;
    static final int MAX_NAME = 50;
    static final int MAX_VENUE = 100;

    private OfflineRules() {
    }

    /** The offline paper: the first questions of the bank, in bank order, and how it is marked. */
    public static final class Paper {

        private final List<Question> questions;
        private final boolean partialCredit;
        private final int maxScore;
        /** {@link Marking#points} per question and set of letters (bit mask), filled as met; -1 = not yet. */
        private final int[][] memo;

        public Paper(List<Question> questions, boolean partialCredit) {
            this.questions = List.copyOf(questions);
            this.partialCredit = partialCredit;
            this.maxScore = this.questions.stream().mapToInt(Question::points).sum();
            this.memo = new int[this.questions.size()][];
        }

        /** The points of the question at {@code index} for the letters in {@code mask}, by {@link Marking#points}. */
        int points(int index, int mask) {
            int[] byMask = memo[index];
            if (byMask == null) {
                byMask = new int[1 << questions.get(index).options().size()];
                Arrays.fill(byMask, -1);
                memo[index] = byMask;
            }
            int p = byMask[mask];
            if (p < 0) {
                p = Marking.points(questions.get(index), AnswerSheet.letters(mask), partialCredit);
                byMask[mask] = p;
            }
            return p;
        }

        public List<Question> questions() {
            return questions;
        }

        public boolean partialCredit() {
            return partialCredit;
        }

        /** The sum of the points of the paper's questions. */
        public int maxScore() {
            return maxScore;
        }
    }

    /** The contest's units, to accept a unit code or a unit name that matches exactly one unit. */
    public static final class UnitIndex {

        private final Map<String, Unit> byCode = new HashMap<>();
        private final Map<String, List<Unit>> byName = new HashMap<>();

        public UnitIndex(Collection<Unit> units) {
            for (Unit u : units) {
                byCode.put(u.code(), u);
                byName.computeIfAbsent(u.name(), k -> new ArrayList<>()).add(u);
            }
        }

        Optional<Unit> code(String code) {
            return Optional.ofNullable(byCode.get(code));
        }

        List<Unit> name(String name) {
            return byName.getOrDefault(name, List.of());
        }
    }

    /** One row as read from the file: trimmed cell texts ({@code ""} when empty or the column is absent). */
    public record Row(int rowNumber, String ticket, String name, String phone, String unit, String score,
                      String answers, String venue) {
    }

    /** The result of reading a row: a result, or errors. */
    public record Checked(OfflineResult result, List<RowError> errors) {
    }

    public static Checked check(Row r, Paper paper, UnitIndex units) {
        List<RowError> errors = new ArrayList<>(1);
        int row = r.rowNumber();

        String ticket = r.ticket();
        if (ticket.isEmpty()) {
            errors.add(RowError.of(row, TICKET, "row.required"));
        } else if (ticket.length() > MAX_TICKET) {
            errors.add(RowError.of(row, TICKET, "row.too_long", MAX_TICKET));
        } else if (hasControl(ticket)) {
            errors.add(RowError.of(row, TICKET, "row.offline.ticket_control"));
        }

        String name = r.name();
        if (name.isEmpty()) {
            errors.add(RowError.of(row, NAME, "row.required"));
        } else if (name.codePointCount(0, name.length()) > MAX_NAME) {
            errors.add(RowError.of(row, NAME, "row.too_long", MAX_NAME));
        }

        String phone = null;
        if (r.phone().isEmpty()) {
            errors.add(RowError.of(row, PHONE, "row.required"));
        } else {
            phone = normalizePhone(r.phone());
            if (phone == null) {
                errors.add(RowError.of(row, PHONE, "row.phone.invalid_value", r.phone()));
            }
        }

        Unit unit = null;
        if (r.unit().isEmpty()) {
            errors.add(RowError.of(row, UNIT, "row.required"));
        } else {
            unit = units.code(r.unit()).orElse(null);
            if (unit == null) {
                List<Unit> named = units.name(r.unit());
                if (named.size() == 1) {
                    unit = named.get(0);
                } else if (named.isEmpty()) {
                    errors.add(RowError.of(row, UNIT, "row.offline.unknown_unit", r.unit()));
                } else {
                    List<String> codes = named.stream().map(Unit::code).toList();
                    // the codes listed the Chinese way ({1}: U1、U2) and the English way ({2}: U1, U2)
                    errors.add(RowError.of(row, UNIT, "row.offline.ambiguous_unit", r.unit(), String.join("、", codes),
                            String.join(", ", codes)));
                }
            }
        }

        Integer given = null;
        if (!r.score().isEmpty()) {
            given = parseScore(r.score());
            if (given == null) {
                errors.add(RowError.of(row, SCORE, "row.offline.score_not_whole", r.score()));
            } else if (given < 0 || given > paper.maxScore()) {
                errors.add(RowError.of(row, SCORE, "row.offline.score_range", r.score(), paper.maxScore()));
                given = null;
            }
        }

        Integer score = given;
        String answers = null;
        if (!r.answers().isEmpty()) {
            AnswerSheet.Parsed parsed = AnswerSheet.parse(r.answers(), paper.questions());
            if (!parsed.ok()) {
                errors.add(new RowError(row, ANSWERS, parsed.error()));
                score = null;
            } else {
                int marked = parsed.sheet().score(paper);
                answers = parsed.sheet().normalized();
                if (given != null && given != marked) {
                    errors.add(RowError.of(row, SCORE, "row.offline.score_differs", given, marked));
                }
                score = marked;
            }
        } else if (r.score().isEmpty()) {
            errors.add(RowError.of(row, SCORE, "row.offline.score_or_answers"));
        }

        String venue = r.venue();
        if (venue.codePointCount(0, venue.length()) > MAX_VENUE) {
            errors.add(RowError.of(row, VENUE, "row.too_long", MAX_VENUE));
        }

        if (!errors.isEmpty()) {
            return new Checked(null, errors);
        }
        int max = paper.maxScore();
        return new Checked(new OfflineResult(ticket, name, phone, unit.code(), unit.topCode(), score, max,
                (double) score / max, score == max, venue.isEmpty() ? null : venue, answers, row), List.of());
    }

    /** The normalized phone, or null; the common case (11 plain digits) without a regular expression. */
    static String normalizePhone(String raw) {
        if (raw.length() == 11 && raw.charAt(0) == '1' && raw.charAt(1) >= '3' && raw.charAt(1) <= '9') {
            boolean digits = true;
            for (int i = 2; i < 11 && digits; i++) {
                char c = raw.charAt(i);
                digits = c >= '0' && c <= '9';
            }
            if (digits) {
                return raw;
            }
        }
        return Phones.normalize(raw).orElse(null);
    }

    /** A whole number, also written with a zero fraction as spreadsheets do ("100.0"); null otherwise. */
    static Integer parseScore(String text) {
        String t = text;
        int dot = t.indexOf('.');
        if (dot >= 0) {
            for (int i = dot + 1; i < t.length(); i++) {
                if (t.charAt(i) != '0') {
                    return null;
                }
            }
            t = t.substring(0, dot);
        }
        if (t.isEmpty() || t.length() > 9) {
            return null;
        }
        int start = t.charAt(0) == '-' || t.charAt(0) == '+' ? 1 : 0;
        if (start == t.length()) {
            return null;
        }
        for (int i = start; i < t.length(); i++) {
            if (t.charAt(i) < '0' || t.charAt(i) > '9') {
                return null;
            }
        }
        return Integer.parseInt(t);
    }

    private static boolean hasControl(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isISOControl(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
