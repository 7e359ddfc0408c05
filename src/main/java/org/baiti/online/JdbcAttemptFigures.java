package org.baiti.online;

import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;

import org.baiti.ranking.RankingFigures;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcAttemptFigures implements AttemptFigures {

    private final JdbcClient jdbc;

    JdbcAttemptFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<Long, Long> submissionsByInterval(long contestId, long fromMillis, long stepMillis) {
        Map<Long, Long> out = new HashMap<>();
        // integer division truncates toward zero in both databases, as in Java
        jdbc.sql("""
                SELECT i, COUNT(*) FROM (
                    SELECT (submitted_at - :from) / :step AS i FROM attempt
                    WHERE contest_id = :c AND submitted_at IS NOT NULL
                ) s GROUP BY i
                """).param("c", contestId).param("from", fromMillis).param("step", stepMillis)
                .query(rs -> {
                    out.put(rs.getLong(1), rs.getLong(2));
                });
        return out;
    }

    @Override
    public void forEachCountedPaper(long contestId, BiConsumer<String, String> to) {
        // the counted attempts are the ranking's: its published relation, joined here in one streamed statement
        jdbc.sql("SELECT a.paper, a.answers FROM " + RankingFigures.relation() + """
                 r JOIN attempt a ON a.id = r.attempt_id
                WHERE r.contest_id = :c
                """).param("c", contestId).query(rs -> {
                    to.accept(rs.getString(1), rs.getString(2));
                });
    }
}
