package org.baiti.online;

import java.io.StringWriter;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.baiti.InLists;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@Repository
class JdbcAttempts implements Attempts {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<LinkedHashMap<String, String>> LETTERS = new TypeReference<>() { };

    /** The columns {@link #row} reads, by position. */
    private static final String COLUMNS = """
            id, contest_id, phone, name, unit_code, top_code, attempt_no, token_hash, paper, issued_at, expires_at,
            submitted_at, duration_ms, score, max_score, accuracy, late, answers, client_ip, draft, resume_hash,
            previous_tokens""";
    private static final TypeReference<LinkedHashMap<String, List<String>>> DRAFT = new TypeReference<>() { };

    private static final String INSERT = """
            INSERT INTO attempt (id, contest_id, phone, name, unit_code, top_code, attempt_no, token_hash, paper,
                issued_at, expires_at, client_ip, resume_hash)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (contest_id, phone, attempt_no) DO NOTHING
            """;

    private static final String MARK = """
            UPDATE attempt SET submitted_at = ?, duration_ms = ?, score = ?, max_score = ?, accuracy = ?,
                late = ?, answers = ?
            WHERE id = ? AND submitted_at IS NULL
                AND NOT EXISTS (SELECT 1 FROM contest c WHERE c.id = attempt.contest_id AND c.frozen_at IS NOT NULL)
            """;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    JdbcAttempts(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    @Override
    public List<Boolean> insertAllIfNew(List<Attempt> attempts) {
        int[] counts = template.batchUpdate(INSERT, new BatchPreparedStatementSetter() {
            @Override
            public void setValues(PreparedStatement ps, int i) throws SQLException {
                Attempt a = attempts.get(i);
                ps.setString(1, a.id());
                ps.setLong(2, a.contestId());
                ps.setString(3, a.phone());
                ps.setString(4, a.name());
                ps.setString(5, a.unitCode());
                ps.setString(6, a.topCode());
                ps.setInt(7, a.attemptNo());
                ps.setString(8, a.tokenHash());
                ps.setString(9, paperJson(a.paper()));
                ps.setLong(10, a.issuedAt().toEpochMilli());
                ps.setLong(11, a.expiresAt().toEpochMilli());
                ps.setString(12, a.clientIp());
                ps.setString(13, a.resumeHash());
            }

            @Override
            public int getBatchSize() {
                return attempts.size();
            }
        });
        List<Boolean> out = new ArrayList<>(attempts.size());
        Set<String> present = null;
        for (int i = 0; i < attempts.size(); i++) {
            if (counts[i] == Statement.SUCCESS_NO_INFO) {
                // a driver that rewrites batched inserts (PostgreSQL's reWriteBatchedInserts) reports no row counts:
                // the ids are new random tokens, so the ones now present are the ones inserted
                if (present == null) {
                    present = existing(attempts.stream().map(Attempt::id).toList());
                }
                out.add(present.contains(attempts.get(i).id()));
            } else {
                out.add(counts[i] == 1);
            }
        }
        return out;
    }

    /** Per statement of a batch: whether it changed its row (a batch that reports no counts is a failure). */
    private static List<Boolean> changedOne(int[] counts) {
        List<Boolean> out = new ArrayList<>(counts.length);
        for (int c : counts) {
            if (c < 0) {
                throw new IllegalStateException("the database reported no row count for a batched update");
            }
            out.add(c == 1);
        }
        return out;
    }

    private Set<String> existing(List<String> ids) {
        Set<String> out = new HashSet<>();
        for (List<String> chunk : InLists.of(ids)) {
            out.addAll(jdbc.sql("SELECT id FROM attempt WHERE id IN (:ids)")
                    .param("ids", chunk)
                    .query(String.class).list());
        }
        return out;
    }

    @Override
    public List<Boolean> markAllSubmitted(List<Marks> marks) {
        int[] counts = template.batchUpdate(MARK, new BatchPreparedStatementSetter() {
            @Override
            public void setValues(PreparedStatement ps, int i) throws SQLException {
                Marks m = marks.get(i);
                ps.setLong(1, m.submittedAt().toEpochMilli());
                ps.setLong(2, m.durationMs());
                ps.setInt(3, m.score());
                ps.setInt(4, m.maxScore());
                ps.setDouble(5, m.accuracy());
                ps.setInt(6, m.late() ? 1 : 0);
                ps.setString(7, JSON.writeValueAsString(m.answers()));
                ps.setString(8, m.id());
            }

            @Override
            public int getBatchSize() {
                return marks.size();
            }
        });
        return changedOne(counts);
    }

    @Override
    public List<Boolean> saveDrafts(List<Draft> drafts) {
        int[] counts = template.batchUpdate("""
                UPDATE attempt SET draft = ?, draft_saved_at = ?
                WHERE id = ? AND token_hash = ? AND submitted_at IS NULL
                """, new BatchPreparedStatementSetter() {
            @Override
            public void setValues(PreparedStatement ps, int i) throws SQLException {
                Draft d = drafts.get(i);
                ps.setString(1, JSON.writeValueAsString(d.answers()));
                ps.setLong(2, d.savedAt().toEpochMilli());
                ps.setString(3, d.attemptId());
                ps.setString(4, d.tokenHash());
            }

            @Override
            public int getBatchSize() {
                return drafts.size();
            }
        });
        return changedOne(counts);
    }

    @Override
    public boolean replaceToken(String id, String oldHash, String newHash, String previousTokens) {
        return jdbc.sql("UPDATE attempt SET token_hash = ?, previous_tokens = ? WHERE id = ? AND token_hash = ?")
                .params(newHash, previousTokens, id, oldHash).update() == 1;
    }

    @Override
    public Optional<Attempt> latest(long contestId, String phone) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM attempt WHERE contest_id = ? AND phone = ? ORDER BY attempt_no DESC LIMIT 1")
                .params(contestId, phone).query(JdbcAttempts::row).optional();
    }

    @Override
    public Optional<Attempt> find(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM attempt WHERE id = ?").param(id).query(JdbcAttempts::row).optional();
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

    /** {@code [{"q": "Q1", "o": [["3fa9c1", "B"], ...]}, ...]}: display order, option id and bank letter. */
    static String paperJson(Paper paper) {
        StringWriter out = new StringWriter(64 + 96 * paper.items().size());
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartArray();
            for (Paper.Item i : paper.items()) {
                g.writeStartObject();
                g.writeStringProperty("q", i.questionKey());
                g.writeName("o");
                g.writeStartArray();
                for (Paper.Option o : i.options()) {
                    g.writeStartArray();
                    g.writeString(o.id());
                    g.writeString(String.valueOf(o.letter()));
                    g.writeEndArray();
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        return out.toString();
    }

    /**
     * Reads what {@link #paperJson} wrote (and what earlier versions wrote, with {@code "o"} before {@code "q"}), with a
     * streaming parser: every submit reads its attempt's paper, so no tree or map is built for it.
     */
    static Paper paper(String json) {
        List<Paper.Item> items = new ArrayList<>();
        try (JsonParser p = JSON.createParser(json)) {
            expect(p.nextToken(), JsonToken.START_ARRAY);
            for (JsonToken t = p.nextToken(); t == JsonToken.START_OBJECT; t = p.nextToken()) {
                String key = null;
                List<Paper.Option> options = List.of();
                for (JsonToken f = p.nextToken(); f == JsonToken.PROPERTY_NAME; f = p.nextToken()) {
                    String name = p.currentName();
                    JsonToken v = p.nextToken();
                    if ("q".equals(name)) {
                        expect(v, JsonToken.VALUE_STRING);
                        key = p.getString();
                    } else if ("o".equals(name)) {
                        expect(v, JsonToken.START_ARRAY);
                        List<Paper.Option> read = new ArrayList<>(5);
                        for (JsonToken o = p.nextToken(); o == JsonToken.START_ARRAY; o = p.nextToken()) {
                            expect(p.nextToken(), JsonToken.VALUE_STRING);
                            String id = p.getString();
                            expect(p.nextToken(), JsonToken.VALUE_STRING);
                            char letter = p.getString().charAt(0);
                            expect(p.nextToken(), JsonToken.END_ARRAY);
                            read.add(new Paper.Option(id, letter));
                        }
                        options = List.copyOf(read);
                    } else {
                        p.skipChildren();
                    }
                }
                if (key == null) {
                    throw new IllegalStateException("a stored paper has a question without its key");
                }
                items.add(new Paper.Item(key, options));
            }
        }
        return new Paper(List.copyOf(items));
    }

    private static void expect(JsonToken actual, JsonToken expected) {
        if (actual != expected) {
            throw new IllegalStateException("a stored paper is not as written: " + expected + " expected, " + actual + " found");
        }
    }

    private static Attempt row(ResultSet rs, int n) throws SQLException {
        long submitted = rs.getLong(12);
        Instant submittedAt = rs.wasNull() ? null : Instant.ofEpochMilli(submitted);
        String answers = rs.getString(18);
        return new Attempt(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getInt(7),
                rs.getString(8), paper(rs.getString(9)),
                Instant.ofEpochMilli(rs.getLong(10)), Instant.ofEpochMilli(rs.getLong(11)),
                submittedAt,
                submittedAt == null ? null : rs.getLong(13),
                submittedAt == null ? null : rs.getInt(14),
                submittedAt == null ? null : rs.getInt(15),
                submittedAt == null ? null : rs.getDouble(16),
                rs.getInt(17) != 0,
                answers == null ? Map.of() : JSON.readValue(answers, LETTERS),
                rs.getString(19),
                rs.getString(20) == null ? Map.of() : JSON.readValue(rs.getString(20), DRAFT),
                rs.getString(21), rs.getString(22));
    }
}
