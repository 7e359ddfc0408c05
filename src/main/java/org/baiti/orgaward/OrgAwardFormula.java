package org.baiti.orgaward;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The organization award of SPEC §6 as plain Java:
 * {@code score = w_rate·min(rate, 1) + w_acc·accuracy + w_att·attention/100}, ordered by score, then rate,
 * then unit code; the first {@code quota} win.
 */
public final class OrgAwardFormula {

    /** The figures of one top-level unit, as counted from the data. */
    public record UnitFigures(String code, String name, int headcount, int participants, double accuracy,
                              Integer attention) {
    }

    /** The contest's weights; they sum to 1. */
    public record Weights(double rate, double accuracy, double attention) {
    }

    /** One line of the published breakdown. */
    public record Line(String code, String name, int participants, int headcount, double rate, double accuracy,
                       Integer attention, boolean attentionMissing, double score, int rank, boolean awarded) {
    }

    private OrgAwardFormula() {
    }

    public static double rate(int participants, int headcount) {
        return headcount <= 0 ? 0 : (double) participants / headcount;
    }

    public static double score(UnitFigures u, Weights w) {
        double rate = Math.min(rate(u.participants(), u.headcount()), 1.0);
        int attention = u.attention() == null ? 0 : u.attention();
        return w.rate() * rate + w.accuracy() * u.accuracy() + w.attention() * attention / 100.0;
    }

    /** Scores and orders every unit; ties on score (to 1e-12) go to the higher rate, then the lower code. */
    public static List<Line> rank(List<UnitFigures> units, Weights weights, int quota) {
        record Scored(UnitFigures unit, double rate, double score, long scoreKey) {
        }
        List<Scored> scored = new ArrayList<>();
        for (UnitFigures u : units) {
            double s = score(u, weights);
            scored.add(new Scored(u, rate(u.participants(), u.headcount()), s, Math.round(s * 1e12)));
        }
        scored.sort(Comparator.comparingLong(Scored::scoreKey).reversed()
                .thenComparing(Comparator.comparingDouble(Scored::rate).reversed())
                .thenComparing(s -> s.unit().code(), OrgAwardFormula::compareCodePoints));
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < scored.size(); i++) {
            Scored s = scored.get(i);
            UnitFigures u = s.unit();
            lines.add(new Line(u.code(), u.name(), u.participants(), u.headcount(), s.rate(), u.accuracy(),
                    u.attention(), u.attention() == null, s.score(), i + 1, i < quota));
        }
        return lines;
    }

    /** Code order by Unicode code point (the same as UTF-8 byte order), independent of Java's UTF-16 order. */
    static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
