package org.baiti.bank;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@Repository
class JdbcQuestions implements Questions {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    JdbcQuestions(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    @Override
    public List<Question> all(long contestId) {
        return jdbc.sql("SELECT * FROM question WHERE contest_id = ? ORDER BY seq").param(contestId)
                .query(JdbcQuestions::row).list();
    }

    @Override
    public List<Question> firstN(long contestId, int n) {
        return jdbc.sql("SELECT * FROM question WHERE contest_id = ? ORDER BY seq LIMIT ?").params(contestId, n)
                .query(JdbcQuestions::row).list();
    }

    @Override
    public Map<String, Question> byKeys(long contestId, Collection<String> keys) {
        Map<String, Question> result = new HashMap<>();
        List<String> list = new ArrayList<>(keys);
        for (int from = 0; from < list.size(); from += 500) {
            List<String> chunk = list.subList(from, Math.min(list.size(), from + 500));
            jdbc.sql("SELECT * FROM question WHERE contest_id = :c AND qkey IN (:keys)")
                    .param("c", contestId).param("keys", chunk)
                    .query(JdbcQuestions::row).list()
                    .forEach(q -> result.put(q.key(), q));
        }
        return result;
    }

    @Override
    public int count(long contestId) {
        return jdbc.sql("SELECT COUNT(*) FROM question WHERE contest_id = ?").param(contestId).query(Integer.class).single();
    }

    @Override
    public void upsert(List<Question> added, List<Question> changed) {
        template.batchUpdate("""
                INSERT INTO question (contest_id, qkey, seq, type, stem, options, answer, points, category, explanation)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, added, 500, (ps, q) -> {
            ps.setLong(1, q.contestId());
            ps.setString(2, q.key());
            ps.setInt(3, q.seq());
            ps.setString(4, q.type().name());
            ps.setString(5, q.stem());
            ps.setString(6, JSON.writeValueAsString(q.options()));
            ps.setString(7, q.answer());
            ps.setInt(8, q.points());
            ps.setString(9, q.category());
            ps.setString(10, q.explanation());
        });
        template.batchUpdate("""
                UPDATE question SET type = ?, stem = ?, options = ?, answer = ?, points = ?, category = ?, explanation = ?
                WHERE contest_id = ? AND qkey = ?
                """, changed, 500, (ps, q) -> {
            ps.setString(1, q.type().name());
            ps.setString(2, q.stem());
            ps.setString(3, JSON.writeValueAsString(q.options()));
            ps.setString(4, q.answer());
            ps.setInt(5, q.points());
            ps.setString(6, q.category());
            ps.setString(7, q.explanation());
            ps.setLong(8, q.contestId());
            ps.setString(9, q.key());
        });
    }

    private static Question row(ResultSet rs, int n) throws SQLException {
        return new Question(rs.getLong("contest_id"), rs.getString("qkey"), rs.getInt("seq"),
                QuestionType.valueOf(rs.getString("type")), rs.getString("stem"),
                JSON.readValue(rs.getString("options"), STRINGS), rs.getString("answer"), rs.getInt("points"),
                rs.getString("category"), rs.getString("explanation"));
    }
}
