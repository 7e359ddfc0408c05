package org.baiti.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.baiti.ranking.RankingOrder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The counting queries behind statistics and the awards list; plain SQL over both channels' tables. */
@Repository
class ReportQueries {

    private final JdbcClient jdbc;

    ReportQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long count(String sql, long contestId) {
        return jdbc.sql(sql).param("c", contestId).query(Long.class).single();
    }

    long onlineParticipants(long c) {
        return count("SELECT COUNT(*) FROM ranking_entry WHERE contest_id = :c", c);
    }

    long onlinePerfect(long c) {
        return count("SELECT COUNT(*) FROM ranking_entry WHERE contest_id = :c AND accuracy >= 1", c);
    }

    long offlineParticipants(long c) {
        return count("SELECT COUNT(*) FROM offline_result WHERE contest_id = :c", c);
    }

    long offlinePerfect(long c) {
        return count("SELECT COUNT(*) FROM offline_result WHERE contest_id = :c AND perfect = 1", c);
    }

    long distinctPeople(long c) {
        return count("""
                SELECT COUNT(*) FROM (
                    SELECT phone FROM ranking_entry WHERE contest_id = :c
                    UNION
                    SELECT phone FROM offline_result WHERE contest_id = :c
                ) people
                """, c);
    }

    /** Online and offline counts per top-level unit. */
    Map<String, long[]> channelCountsByTop(long c) {
        Map<String, long[]> m = new HashMap<>();
        jdbc.sql("SELECT top_code, COUNT(*) AS n FROM ranking_entry WHERE contest_id = :c GROUP BY top_code")
                .param("c", c).query((rs, i) -> m.computeIfAbsent(rs.getString(1), k -> new long[2])[0] = rs.getLong(2)).list();
        jdbc.sql("SELECT top_code, COUNT(*) AS n FROM offline_result WHERE contest_id = :c GROUP BY top_code")
                .param("c", c).query((rs, i) -> m.computeIfAbsent(rs.getString(1), k -> new long[2])[1] = rs.getLong(2)).list();
        return m;
    }

    /** The online winners: the first {@code quota} counted attempts in SPEC §4 order. */
    List<Winner> onlineWinners(long c, int quota) {
        List<Winner> out = new ArrayList<>();
        jdbc.sql("""
                SELECT r.name, r.phone, r.unit_code, r.accuracy, r.duration_ms, u.name AS unit_name, t.name AS top_name
                FROM ranking_entry r
                LEFT JOIN unit u ON u.contest_id = r.contest_id AND u.code = r.unit_code
                LEFT JOIN unit t ON t.contest_id = r.contest_id AND t.code = r.top_code
                WHERE r.contest_id = :c
                """ + RankingOrder.sqlOrderBy("r") + " LIMIT :quota").param("c", c).param("quota", quota)
                .query((rs, i) -> out.add(new Winner("online", i + 1, null, rs.getString("name"), rs.getString("phone"),
                        rs.getString("unit_name"), rs.getString("top_name"), null, rs.getDouble("accuracy"),
                        rs.getLong("duration_ms"))))
                .list();
        return out;
    }

    /** Sealed draws of the contest: id, name, tiers JSON, winners JSON, in reveal order. */
    List<Map<String, Object>> sealedDraws(long c) {
        return jdbc.sql("""
                SELECT id, name, tiers, winners FROM draw
                WHERE contest_id = :c AND status = 'SEALED' ORDER BY revealed_at, id
                """).param("c", c).query().listOfRows();
    }

    /** Offline results by ticket, for the names and units of drawn winners. */
    Map<String, Winner> offlineByTickets(long c, List<String> tickets) {
        Map<String, Winner> out = new HashMap<>();
        for (int from = 0; from < tickets.size(); from += 500) {
            List<String> chunk = tickets.subList(from, Math.min(tickets.size(), from + 500));
            jdbc.sql("""
                    SELECT o.ticket, o.name, o.phone, u.name AS unit_name, t.name AS top_name
                    FROM offline_result o
                    LEFT JOIN unit u ON u.contest_id = o.contest_id AND u.code = o.unit_code
                    LEFT JOIN unit t ON t.contest_id = o.contest_id AND t.code = o.top_code
                    WHERE o.contest_id = :c AND o.ticket IN (:tickets)
                    """).param("c", c).param("tickets", chunk)
                    .query((rs, i) -> out.put(rs.getString("ticket"), new Winner("offline", 0, null, rs.getString("name"),
                            rs.getString("phone"), rs.getString("unit_name"), rs.getString("top_name"),
                            rs.getString("ticket"), 1.0, 0)))
                    .list();
        }
        return out;
    }
}
