package org.baiti.ranking;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.baiti.GroupedCounts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcRankingFigures implements RankingFigures {

    private final JdbcClient jdbc;

    JdbcRankingFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public long count(long contestId) {
        return jdbc.sql("SELECT COUNT(*) FROM ranking_entry WHERE contest_id = ?").param(contestId)
                .query(Long.class).single();
    }

    @Override
    public long perfect(long contestId) {
        return jdbc.sql("SELECT COUNT(*) FROM ranking_entry WHERE contest_id = ? AND accuracy >= 1").param(contestId)
                .query(Long.class).single();
    }

    @Override
    public Map<String, Long> countsByTopUnit(long contestId) {
        Map<String, Long> out = new HashMap<>();
        jdbc.sql("SELECT top_code, COUNT(*) FROM ranking_entry WHERE contest_id = ? GROUP BY top_code")
                .param(contestId).query(rs -> {
                    out.put(rs.getString(1), rs.getLong(2));
                });
        return out;
    }

    @Override
    public Map<String, Long> countsByUnit(long contestId, Collection<String> unitCodes) {
        return GroupedCounts.perUnit(jdbc, "ranking_entry", contestId, unitCodes);
    }

    @Override
    public Map<Double, Long> countsByAccuracy(long contestId) {
        return GroupedCounts.perAccuracy(jdbc, "ranking_entry", contestId);
    }

    @Override
    public List<Ranked> first(long contestId, int n) {
        List<Ranked> out = new ArrayList<>();
        jdbc.sql("""
                SELECT r.name, r.phone, r.unit_code, r.top_code, r.accuracy, r.duration_ms
                FROM ranking_entry r
                WHERE r.contest_id = :c
                """ + RankingOrder.sqlOrderBy("r") + " LIMIT :n").param("c", contestId).param("n", n)
                .query(rs -> {
                    out.add(new Ranked(rs.getString("name"), rs.getString("phone"), rs.getString("unit_code"),
                            rs.getString("top_code"), rs.getDouble("accuracy"), rs.getLong("duration_ms")));
                });
        return out;
    }
}
