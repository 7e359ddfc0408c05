package org.baiti.offline;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.baiti.Dialect;
import org.springframework.jdbc.core.JdbcTemplate;
import org.baiti.GroupedCounts;
import org.baiti.InLists;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcOfflineResults implements OfflineResults {

    private final JdbcClient jdbc;
    private final ImportDialect importDialect;

    JdbcOfflineResults(JdbcClient jdbc, JdbcTemplate template, Dialect dialect) {
        this.jdbc = jdbc;
        this.importDialect = ImportDialect.of(dialect, template);
    }

    @Override
    public void beginImport(long contestId) {
        importDialect.begin(contestId);
    }

    @Override
    public void endImport() {
        importDialect.end();
    }

    @Override
    public long count(long contestId) {
        return jdbc.sql("SELECT COUNT(*) FROM offline_result WHERE contest_id = ?").param(contestId)
                .query(Long.class).single();
    }

    @Override
    public Map<String, OfflineResult> byTickets(long contestId, Collection<String> tickets) {
        Map<String, OfflineResult> found = new HashMap<>();
        for (List<String> chunk : InLists.of(tickets)) {
            jdbc.sql("SELECT * FROM offline_result WHERE contest_id = :c AND ticket IN (:tickets)")
                    .param("c", contestId).param("tickets", chunk)
                    .query(JdbcOfflineResults::row).list()
                    .forEach(r -> found.put(r.ticket(), r));
        }
        return found;
    }

    @Override
    public List<OfflineResult> insertNew(long contestId, long importId, List<OfflineResult> results) {
        return importDialect.insert(contestId, importId, results);
    }

    @Override
    public List<TopUnitFigures> byTopUnit(long contestId) {
        return jdbc.sql("""
                SELECT top_code, COUNT(*) AS participants, SUM(perfect) AS perfect, AVG(accuracy) AS mean_accuracy
                FROM offline_result WHERE contest_id = ? GROUP BY top_code ORDER BY top_code
                """).param(contestId)
                .query((rs, n) -> new TopUnitFigures(rs.getString("top_code"), rs.getLong("participants"),
                        rs.getLong("perfect"), rs.getDouble("mean_accuracy")))
                .list();
    }

    @Override
    public long distinctPhones(long contestId) {
        return jdbc.sql("SELECT COUNT(DISTINCT phone) FROM offline_result WHERE contest_id = ?").param(contestId)
                .query(Long.class).single();
    }

    @Override
    public long countPerfect(long contestId) {
        return jdbc.sql("SELECT COUNT(*) FROM offline_result WHERE contest_id = ? AND perfect = 1").param(contestId)
                .query(Long.class).single();
    }

    @Override
    public Map<String, Long> countsByUnit(long contestId, Collection<String> unitCodes) {
        return GroupedCounts.perUnit(jdbc, "offline_result", contestId, unitCodes);
    }

    @Override
    public Map<Double, Long> countsByAccuracy(long contestId) {
        return GroupedCounts.of(jdbc.sql("SELECT accuracy, COUNT(*) FROM offline_result WHERE contest_id = ?"
                + " GROUP BY accuracy").param(contestId), (rs, i) -> rs.getDouble(1));
    }

    @Override
    public void forEachAnswers(long contestId, Consumer<String> to) {
        jdbc.sql("SELECT answers FROM offline_result WHERE contest_id = ? AND answers IS NOT NULL").param(contestId)
                .query(rs -> {
                    to.accept(rs.getString(1));
                });
    }

    private static OfflineResult row(ResultSet rs, int n) throws SQLException {
        return new OfflineResult(rs.getString("ticket"), rs.getString("name"), rs.getString("phone"),
                rs.getString("unit_code"), rs.getString("top_code"), rs.getInt("score"), rs.getInt("max_score"),
                rs.getDouble("accuracy"), rs.getInt("perfect") == 1, rs.getString("venue"), rs.getString("answers"),
                rs.getInt("row_no"));
    }
}
