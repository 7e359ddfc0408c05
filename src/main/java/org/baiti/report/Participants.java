package org.baiti.report;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.baiti.offline.OfflineResults;
import org.baiti.person.Phones;
import org.baiti.ranking.RankingFigures;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Who took part, per unit: the counted online attempts and the offline results of a set of units (a coordinator's
 * subtree) or of the whole contest. Phones leave here masked; a unit's staff need names, not numbers.
 *
 * <p>Each channel's counts come from its owner; what needs both channels in one statement (a person is one phone,
 * whichever channel) reads the owners' published relations ({@link RankingFigures#relation()},
 * {@link OfflineResults#relation()}), so the aggregates stay in the database.
 */
@Repository
class Participants {

    /** One participation as the participants page shows it. */
    record Row(String channel, String name, String maskedPhone, String unitCode, double accuracy, Long durationMs,
               String ticket) {
    }

    /** Participation of one unit (its own people, not the units below): online, offline, distinct people. */
    record UnitCount(String code, long online, long offline, long people) {
    }

    private static final String ONLINE = RankingFigures.relation();
    private static final String OFFLINE = OfflineResults.relation();

    private final JdbcClient jdbc;
    private final RankingFigures ranking;
    private final OfflineResults offline;

    Participants(JdbcClient jdbc, RankingFigures ranking, OfflineResults offline) {
        this.jdbc = jdbc;
        this.ranking = ranking;
        this.offline = offline;
    }

    /** Counts per unit code; {@code codes} null means every unit of the contest. */
    Map<String, UnitCount> countsByUnit(long contestId, Collection<String> codes) {
        Map<String, long[]> m = new HashMap<>();
        String filter = codes == null ? "" : " AND unit_code IN (:codes)";
        ranking.countsByUnit(contestId, codes).forEach((code, n) -> m.computeIfAbsent(code, k -> new long[3])[0] = n);
        offline.countsByUnit(contestId, codes).forEach((code, n) -> m.computeIfAbsent(code, k -> new long[3])[1] = n);
        query("""
                SELECT unit_code, COUNT(DISTINCT phone) FROM (
                    SELECT unit_code, phone FROM %2$s r WHERE contest_id = :c%1$s
                    UNION
                    SELECT unit_code, phone FROM %3$s o WHERE contest_id = :c%1$s
                ) p GROUP BY unit_code
                """.formatted(filter, ONLINE, OFFLINE), contestId, codes)
                .query((rs, i) -> m.computeIfAbsent(rs.getString(1), k -> new long[3])[2] = rs.getLong(2)).list();
        Map<String, UnitCount> out = new HashMap<>();
        m.forEach((code, v) -> out.put(code, new UnitCount(code, v[0], v[1], v[2])));
        return out;
    }

    /** Distinct people (same phone = same person) in these units. */
    long distinctPeople(long contestId, Collection<String> codes) {
        String filter = codes == null ? "" : " AND unit_code IN (:codes)";
        return query("""
                SELECT COUNT(*) FROM (
                    SELECT phone FROM %2$s r WHERE contest_id = :c%1$s
                    UNION
                    SELECT phone FROM %3$s o WHERE contest_id = :c%1$s
                ) p
                """.formatted(filter, ONLINE, OFFLINE), contestId, codes).query(Long.class).single();
    }

    /** Participations (online plus offline) in these units. */
    long count(long contestId, Collection<String> codes) {
        if (codes == null) {
            return ranking.count(contestId) + offline.count(contestId);
        }
        long n = 0;
        for (long c : ranking.countsByUnit(contestId, codes).values()) {
            n += c;
        }
        for (long c : offline.countsByUnit(contestId, codes).values()) {
            n += c;
        }
        return n;
    }

    /** A page of participations, by unit, then name. */
    List<Row> page(long contestId, Collection<String> codes, int offset, int limit) {
        String filter = codes == null ? "" : " AND unit_code IN (:codes)";
        List<Row> out = new ArrayList<>();
        query("""
                SELECT channel, name, phone, unit_code, accuracy, duration_ms, ticket FROM (
                    SELECT 'online' AS channel, name, phone, unit_code, accuracy, duration_ms, NULL AS ticket
                    FROM %2$s r WHERE contest_id = :c%1$s
                    UNION ALL
                    SELECT 'offline' AS channel, name, phone, unit_code, accuracy, NULL AS duration_ms, ticket
                    FROM %3$s o WHERE contest_id = :c%1$s
                ) p ORDER BY unit_code, name, channel, phone LIMIT :limit OFFSET :offset
                """.formatted(filter, ONLINE, OFFLINE), contestId, codes).param("limit", limit).param("offset", offset)
                .query((rs, i) -> {
                    long d = rs.getLong("duration_ms");
                    Long duration = rs.wasNull() ? null : d;
                    return out.add(new Row(rs.getString("channel"), rs.getString("name"), Phones.mask(rs.getString("phone")),
                            rs.getString("unit_code"), rs.getDouble("accuracy"), duration, rs.getString("ticket")));
                }).list();
        return out;
    }

    private JdbcClient.StatementSpec query(String sql, long contestId, Collection<String> codes) {
        JdbcClient.StatementSpec spec = jdbc.sql(sql).param("c", contestId);
        // no unit has an empty code (imports refuse it): an empty scope matches nothing, on PostgreSQL too (which refuses
        // a NUL character in text)
        return codes == null ? spec : spec.param("codes", codes.isEmpty() ? List.of("") : codes);
    }
}
