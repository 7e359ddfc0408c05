package org.baiti.online;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@Repository
class JdbcAttempts implements Attempts {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<Map<String, Object>>> PAPER = new TypeReference<>() { };
    private static final TypeReference<LinkedHashMap<String, String>> LETTERS = new TypeReference<>() { };

    private final JdbcClient jdbc;

    JdbcAttempts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean insertIfNew(Attempt a) {
        return jdbc.sql("""
                INSERT INTO attempt (id, contest_id, phone, name, unit_code, top_code, attempt_no, token_hash, paper,
                    issued_at, expires_at, client_ip)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (contest_id, phone, attempt_no) DO NOTHING
                """)
                .params(a.id(), a.contestId(), a.phone(), a.name(), a.unitCode(), a.topCode(), a.attemptNo(),
                        a.tokenHash(), paperJson(a.paper()), a.issuedAt().toEpochMilli(), a.expiresAt().toEpochMilli(),
                        a.clientIp())
                .update() == 1;
    }

    @Override
    public Optional<Attempt> find(String id) {
        return jdbc.sql("SELECT * FROM attempt WHERE id = ?").param(id).query(JdbcAttempts::row).optional();
    }

    @Override
    public int lastAttemptNo(long contestId, String phone) {
        return jdbc.sql("SELECT COALESCE(MAX(attempt_no), 0) FROM attempt WHERE contest_id = ? AND phone = ?")
                .params(contestId, phone).query(Integer.class).single();
    }

    @Override
    public boolean hasUnsubmitted(long contestId, String phone) {
        return jdbc.sql("SELECT COUNT(*) FROM attempt WHERE contest_id = ? AND phone = ? AND submitted_at IS NULL")
                .params(contestId, phone).query(Integer.class).single() > 0;
    }

    @Override
    public boolean markSubmitted(String id, Instant submittedAt, long durationMs, int score, int maxScore,
                                 double accuracy, boolean late, Map<String, String> answers) {
        return jdbc.sql("""
                UPDATE attempt SET submitted_at = ?, duration_ms = ?, score = ?, max_score = ?, accuracy = ?,
                    late = ?, answers = ?
                WHERE id = ? AND submitted_at IS NULL
                """)
                .params(submittedAt.toEpochMilli(), durationMs, score, maxScore, accuracy, late ? 1 : 0,
                        JSON.writeValueAsString(answers), id)
                .update() == 1;
    }

    /** {@code [{"q": "Q1", "o": [["3fa9c1", "B"], ...]}, ...]}: display order, option id and bank letter. */
    static String paperJson(Paper paper) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (Paper.Item i : paper.items()) {
            List<List<String>> options = new ArrayList<>();
            for (Paper.Option o : i.options()) {
                options.add(List.of(o.id(), String.valueOf(o.letter())));
            }
            items.add(Map.of("q", i.questionKey(), "o", options));
        }
        return JSON.writeValueAsString(items);
    }

    @SuppressWarnings("unchecked")
    static Paper paper(String json) {
        List<Paper.Item> items = new ArrayList<>();
        for (Map<String, Object> m : JSON.readValue(json, PAPER)) {
            List<Paper.Option> options = new ArrayList<>();
            for (List<String> o : (List<List<String>>) m.get("o")) {
                options.add(new Paper.Option(o.get(0), o.get(1).charAt(0)));
            }
            items.add(new Paper.Item((String) m.get("q"), List.copyOf(options)));
        }
        return new Paper(List.copyOf(items));
    }

    private static Attempt row(ResultSet rs, int n) throws SQLException {
        long submitted = rs.getLong("submitted_at");
        Instant submittedAt = rs.wasNull() ? null : Instant.ofEpochMilli(submitted);
        String answers = rs.getString("answers");
        return new Attempt(rs.getString("id"), rs.getLong("contest_id"), rs.getString("phone"), rs.getString("name"),
                rs.getString("unit_code"), rs.getString("top_code"), rs.getInt("attempt_no"),
                rs.getString("token_hash"), paper(rs.getString("paper")),
                Instant.ofEpochMilli(rs.getLong("issued_at")), Instant.ofEpochMilli(rs.getLong("expires_at")),
                submittedAt,
                submittedAt == null ? null : rs.getLong("duration_ms"),
                submittedAt == null ? null : rs.getInt("score"),
                submittedAt == null ? null : rs.getInt("max_score"),
                submittedAt == null ? null : rs.getDouble("accuracy"),
                rs.getInt("late") != 0,
                answers == null ? Map.of() : JSON.readValue(answers, LETTERS),
                rs.getString("client_ip"));
    }
}
