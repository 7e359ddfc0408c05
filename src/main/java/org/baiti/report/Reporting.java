package org.baiti.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.baiti.contest.Contest;
import org.baiti.contest.Contesting;
import org.baiti.orgaward.OrgAwardFormula;
import org.baiti.orgaward.OrgAwarding;
import org.baiti.unit.Unit;
import org.baiti.unit.Units;
import org.baiti.web.Figures;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Statistics, the individual awards list and the press summary of a contest, all computed from the data. */
@Service
class Reporting {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Contesting contesting;
    private final Units units;
    private final OrgAwarding orgAwarding;
    private final ReportQueries queries;
    private final QuestionStatistics questionStatistics;
    private final Figures figures;
    private final MessageSource messages;

    Reporting(Contesting contesting, Units units, OrgAwarding orgAwarding, ReportQueries queries,
              QuestionStatistics questionStatistics, Figures figures, MessageSource messages) {
        this.figures = figures;
        this.messages = messages;
        this.contesting = contesting;
        this.units = units;
        this.orgAwarding = orgAwarding;
        this.queries = queries;
        this.questionStatistics = questionStatistics;
    }

    public Statistics statistics(long contestId) {
        Contest c = contesting.get(contestId);
        long online = queries.onlineParticipants(contestId);
        long offline = queries.offlineParticipants(contestId);
        List<OrgAwardFormula.Line> org = orgAwarding.breakdown(contestId);
        Map<String, long[]> channels = queries.channelCountsByTop(contestId);
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
        return new Statistics(online, queries.onlinePerfect(contestId), offline, queries.offlinePerfect(contestId),
                online + offline, queries.distinctPeople(contestId), individual, organization, unitStats,
                questionStatistics.byQuestion(contestId, c));
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
        List<Winner> all = new ArrayList<>(queries.onlineWinners(contestId, c.onlineQuota()));
        for (Map<String, Object> draw : queries.sealedDraws(contestId)) {
            List<String> keys = new ArrayList<>();
            JSON.readTree(String.valueOf(draw.get("winners"))).forEach(n -> keys.add(n.isObject() ? n.get("key").asString() : n.asString()));
            List<String> tierOf = tiers(draw.get("tiers"), keys.size());
            Map<String, Winner> people = queries.offlineByTickets(contestId, keys);
            for (int i = 0; i < keys.size(); i++) {
                Winner w = people.get(keys.get(i));
                if (w != null) {
                    all.add(w.withOrder(i + 1, tierOf.get(i)));
                }
            }
        }
        return all;
    }

    /** The tier name of each winner position: tier i gets the next {@code count} winners in draw order. */
    static List<String> tiers(Object tiersJson, int winners) {
        List<String> out = new ArrayList<>();
        if (tiersJson != null && !String.valueOf(tiersJson).isBlank()) {
            JsonNode tiers = JSON.readTree(String.valueOf(tiersJson));
            for (JsonNode t : tiers) {
                for (int i = 0; i < t.get("count").asInt(); i++) {
                    out.add(t.get("name").asString());
                }
            }
        }
        while (out.size() < winners) {
            out.add(null);
        }
        return out;
    }
}
