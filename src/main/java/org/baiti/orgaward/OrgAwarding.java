package org.baiti.orgaward;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.baiti.contest.Contest;
import org.baiti.contest.Contesting;
import org.baiti.unit.Unit;
import org.baiti.unit.Units;
import org.springframework.stereotype.Service;

/** Computes the organization award breakdown of a contest from its data (SPEC §6). */
@Service
public class OrgAwarding {

    private final Contesting contesting;
    private final Units units;
    private final ParticipationFigures figures;

    OrgAwarding(Contesting contesting, Units units, ParticipationFigures figures) {
        this.contesting = contesting;
        this.units = units;
        this.figures = figures;
    }

    public List<OrgAwardFormula.Line> breakdown(long contestId) {
        Contest c = contesting.get(contestId);
        Map<String, ParticipationFigures.Figures> byTop = figures.byTopUnit(contestId);
        List<OrgAwardFormula.UnitFigures> input = new ArrayList<>();
        for (Unit u : units.all(contestId)) {
            if (!u.topLevel()) {
                continue;
            }
            ParticipationFigures.Figures f = byTop.getOrDefault(u.code(), new ParticipationFigures.Figures(0, 0));
            input.add(new OrgAwardFormula.UnitFigures(u.code(), u.name(), u.headcount() == null ? 0 : u.headcount(),
                    f.participants(), f.accuracy(), u.attention()));
        }
        return OrgAwardFormula.rank(input, new OrgAwardFormula.Weights(c.weightRate(), c.weightAccuracy(),
                c.weightAttention()), c.orgQuota());
    }
}
