package org.baiti.orgaward;

import java.util.HashMap;
import java.util.Map;

import org.baiti.offline.OfflineResults;
import org.baiti.ranking.RankingFigures;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * A person counts in every top-level unit where they have a counted online attempt or an offline result;
 * their accuracy there is their best accuracy over all their results, in either channel. One statement over the
 * owners' published relations ({@link RankingFigures#relation()}, {@link OfflineResults#relation()}): a person's best
 * is found across both channels in the database.
 */
@Repository
class JdbcParticipationFigures implements ParticipationFigures {

    private final JdbcClient jdbc;

    JdbcParticipationFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<String, Figures> byTopUnit(long contestId) {
        Map<String, Figures> result = new HashMap<>();
        // The sum in the order of the values, not of the rows: the same bits whatever order the database reads them in
        // (PostgreSQL reads in the order of the phone, which the purge replaces by its hash).
        jdbc.sql("""
                WITH r AS (
                    SELECT phone, top_code, accuracy FROM %s e WHERE contest_id = :c
                    UNION ALL
                    SELECT phone, top_code, accuracy FROM %s o WHERE contest_id = :c
                ),
                best AS (SELECT phone, MAX(accuracy) AS best FROM r GROUP BY phone),
                member AS (SELECT DISTINCT top_code, phone FROM r)
                SELECT m.top_code AS top_code, COUNT(*) AS participants, SUM(b.best ORDER BY b.best) AS accuracy_sum
                FROM member m JOIN best b ON b.phone = m.phone
                GROUP BY m.top_code
                """.formatted(RankingFigures.relation(), OfflineResults.relation()))
                .param("c", contestId)
                .query((rs, n) -> {
                    int participants = rs.getInt("participants");
                    result.put(rs.getString("top_code"),
                            new Figures(participants, participants == 0 ? 0 : rs.getDouble("accuracy_sum") / participants));
                    return null;
                })
                .list();
        return result;
    }
}
