package org.baiti.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.baiti.contest.Contest;
import org.baiti.contest.Contesting;
import org.baiti.draw.DrawRecord;
import org.baiti.draw.DrawResults;
import org.baiti.offline.OfflineResult;
import org.baiti.offline.OfflineResults;
import org.baiti.orgaward.OrgAwardFormula;
import org.baiti.orgaward.OrgAwarding;
import org.baiti.ranking.RankingFigures;
import org.baiti.unit.Unit;
import org.baiti.unit.Units;
import org.baiti.web.Figures;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * Statistics, the individual awards list and the press summary of a contest, all computed from the data: each
 * channel's figures from its owner ({@code ranking}, {@code offline}, {@code draw}), unit names from {@code unit}.
 */
@Service
class Reporting {

    private final Contesting contesting;
    private final Units units;
    private final OrgAwarding orgAwarding;
    private final RankingFigures ranking;
    private final OfflineResults offline;
    private final DrawResults draws;
    private final Participants participants;
    private final QuestionStatistics questionStatistics;
    private final Figures figures;
    private final MessageSource messages;

    Reporting(Contesting contesting, Units units, OrgAwarding orgAwarding, RankingFigures ranking,
              OfflineResults offline, DrawResults draws, Participants participants,
              QuestionStatistics questionStatistics, Figures figures, MessageSource messages) {
        this.figures = figures;
        this.messages = messages;
        this.contesting = contesting;
        this.units = units;
        this.orgAwarding = orgAwarding;
        this.ranking = ranking;
        this.offline = offline;
        this.draws = draws;
        this.participants = participants;
        this.questionStatistics = questionStatistics;
    }

    public Statistics statistics(long contestId) {
        Contest c = contesting.get(contestId);
        long online = ranking.count(contestId);
        long offline = this.offline.count(contestId);
        List<OrgAwardFormula.Line> org = orgAwarding.breakdown(contestId);
        Map<String, long[]> channels = channelCountsByTop(contestId);
        List<Statistics.UnitStat> unitStats = new ArrayList<>();
        for (Unit u : units.all(contestId)) {
            if (!u.topLevel()) {
                continue;
            }
            OrgAwardFormula.Line line = org.stream().filter(l -> l.code().equals(u.code())).findFirst().orElseThrow();
            long[] ch = channels.getOrDefault(u.code(), new long[2]);
            unitStats.add(new Statistics.UnitStat(u.code(), u.name(), line.headcount(), ch[0], ch[1],
                    line.participants(), line.rate(), line.accuracy()));
        }
        long individual = awards(contestId, c).size();
        long organization = org.stream().filter(OrgAwardFormula.Line::awarded).count();
        return new Statistics(online, ranking.perfect(contestId), offline, this.offline.countPerfect(contestId),
                online + offline, participants.distinctPeople(contestId, null), individual, organization, unitStats,
                questionStatistics.byQuestion(contestId, c));
    }

    /** Online and offline counts per top-level unit code. */
    private Map<String, long[]> channelCountsByTop(long contestId) {
        Map<String, long[]> m = new HashMap<>();
        ranking.countsByTopUnit(contestId).forEach((top, n) -> m.computeIfAbsent(top, k -> new long[2])[0] = n);
        offline.byTopUnit(contestId).forEach(f -> m.computeIfAbsent(f.topCode(), k -> new long[2])[1] = f.participants());
        return m;
    }

    /** The press summary of {@code statistics} (the figures the page shows beside it), in {@code locale}'s language. */
    public String summary(Contest contest, Statistics statistics, Locale locale) {
        return SummaryText.of(contest, statistics, awards(contest.id(), contest), figures, messages, locale);
    }

    public String summary(long contestId, Locale locale) {
        return summary(contesting.get(contestId), statistics(contestId), locale);
    }

    public List<Winner> awards(long contestId) {
        return awards(contestId, contesting.get(contestId));
    }

    private List<Winner> awards(long contestId, Contest c) {
        Map<String, String> unitNames = units.names(contestId);
        List<Winner> all = new ArrayList<>();
        // the online winners: the first {@code quota} counted attempts in SPEC §4 order
        for (RankingFigures.Ranked r : ranking.first(contestId, c.onlineQuota())) {
            all.add(new Winner("online", all.size() + 1, null, r.name(), r.phone(), unitNames.get(r.unitCode()),
                    unitNames.get(r.topCode()), null, r.accuracy(), r.durationMs()));
        }
        for (DrawRecord draw : draws.sealed(contestId)) {
            List<String> keys = draw.winners();
            Map<String, OfflineResult> people = offline.byTickets(contestId, keys);
            for (int i = 0; i < keys.size(); i++) {
                OfflineResult o = people.get(keys.get(i));
                if (o != null) {
                    all.add(new Winner("offline", i + 1, draw.tierOf(i), o.name(), o.phone(),
                            unitNames.get(o.unitCode()), unitNames.get(o.topCode()), o.ticket(), 1.0, 0));
                }
            }
        }
        return all;
    }
}
