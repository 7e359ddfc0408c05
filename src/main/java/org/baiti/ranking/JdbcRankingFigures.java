package org.baiti.ranking;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.baiti.GroupedCounts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcRankingFigures implements RankingFigures {

    private final JdbcClient jdbc;
    private final RankingEntries entries;

    JdbcRankingFigures(JdbcClient jdbc, RankingEntries entries) {
        this.jdbc = jdbc;
        this.entries = entries;
    }

    // count, perfect and countsByAccuracy read the counts per accuracy that every entry keeps (V50): a few rows
    // instead of the whole ranking

    @Override
    public long count(long contestId) {
        return entries.count(contestId);
    }

    @Override
    public long perfect(long contestId) {
        return countsByAccuracy(contestId).entrySet().stream().filter(c -> c.getKey() >= 1)
                .mapToLong(Map.Entry::getValue).sum();
    }

    @Override
    public Map<String, Long> countsByTopUnit(long contestId) {
        return GroupedCounts.of(jdbc.sql("SELECT top_code, COUNT(*) FROM ranking_entry WHERE contest_id = ?"
                + " GROUP BY top_code").param(contestId), (rs, i) -> rs.getString(1));
    }

    @Override
    public Map<String, Long> countsByUnit(long contestId, Collection<String> unitCodes) {
        return GroupedCounts.perUnit(jdbc, "ranking_entry", contestId, unitCodes);
    }

    @Override
    public Map<Double, Long> countsByAccuracy(long contestId) {
        return GroupedCounts.of(jdbc.sql("SELECT accuracy, entries FROM ranking_count_by_accuracy WHERE contest_id = ?"
                + " AND entries > 0").param(contestId), (rs, i) -> rs.getDouble(1));
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
