package org.baiti.offline;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.baiti.contest.Contesting;
import org.baiti.unit.Unit;
import org.baiti.unit.Units;
import org.springframework.stereotype.Service;

/** Reads the offline figures of a contest, computed from the stored results. */
@Service
public class OfflineFigures {

    private final Contesting contesting;
    private final Units units;
    private final OfflineResults results;

    OfflineFigures(Contesting contesting, Units units, OfflineResults results) {
        this.contesting = contesting;
        this.units = units;
        this.results = results;
    }

    /** Totals and every top-level unit in unit order (units without results show 0 participants). */
    public OfflineSummary summary(long contestId) {
        contesting.get(contestId);
        Map<String, OfflineResults.TopUnitFigures> byTop = new HashMap<>();
        results.byTopUnit(contestId).forEach(f -> byTop.put(f.topCode(), f));
        List<OfflineSummary.UnitFigures> list = new ArrayList<>();
        long participants = 0;
        long perfect = 0;
        double accuracySum = 0;
        for (Unit u : units.all(contestId)) {
            if (!u.topLevel()) {
                continue;
            }
            OfflineResults.TopUnitFigures f = byTop.remove(u.code());
            list.add(figures(u.code(), u.name(), u.headcount(), f));
        }
        for (OfflineResults.TopUnitFigures f : byTop.values()) {
            list.add(figures(f.topCode(), f.topCode(), null, f)); // a unit removed after its results came in
        }
        for (OfflineSummary.UnitFigures f : list) {
            participants += f.participants();
            perfect += f.perfect();
            accuracySum += f.meanAccuracy() == null ? 0 : f.meanAccuracy() * f.participants();
        }
        return new OfflineSummary(participants, perfect, results.distinctPhones(contestId),
                participants == 0 ? null : accuracySum / participants, list);
    }

    private static OfflineSummary.UnitFigures figures(String code, String name, Integer headcount,
                                                      OfflineResults.TopUnitFigures f) {
        return f == null
                ? new OfflineSummary.UnitFigures(code, name, headcount, 0, 0, null)
                : new OfflineSummary.UnitFigures(code, name, headcount, f.participants(), f.perfect(), f.meanAccuracy());
    }
}
