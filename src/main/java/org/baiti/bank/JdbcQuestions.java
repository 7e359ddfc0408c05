package org.baiti.bank;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.baiti.InLists;
import org.baiti.NodeCache;
import org.baiti.settings.SiteSettings;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The question bank in the database, with each contest's bank kept in memory between requests ({@link NodeCache}): a
 * request takes the bank's version ({@code question_bank_version}, one row, raised by every change in the same
 * transaction) and reads the questions again only for a version it has not kept. The version itself is kept for
 * {@code baiti.contest-cache-millis} (default 1,000, as for the contest: every start and submit asks for it, one round
 * trip each on PostgreSQL); a change through this node makes it old, so this node sees the change at once and other
 * nodes within that time. Inside a transaction (an import checking what it just wrote) nothing in memory is used.
 */
@Repository
class JdbcQuestions implements Questions {

    private static final int MAX_CACHED_BANKS = 64;

    /** One contest's bank: in {@code seq} order, and by key. */
    private record Bank(List<Question> all, Map<String, Question> byKey) {
    }

    private record Version(long contestId, long version) {
    }

    /** The version of each contest's bank, forgotten by the change. */
    private final NodeCache<Long, Long> versions;
    /** The banks by version, read after the version: at least as new as it. */
    private final NodeCache<Version, Bank> banks = NodeCache.boundedTo(MAX_CACHED_BANKS);

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    JdbcQuestions(JdbcClient jdbc, JdbcTemplate template, SiteSettings settings) {
        this.jdbc = jdbc;
        this.template = template;
        this.versions = NodeCache.keptFor(settings.contestCache(), 10_000);
    }

    @Override
    public List<Question> all(long contestId) {
        Bank bank = cached(contestId);
        if (bank != null) {
            return bank.all();
        }
        return jdbc.sql("SELECT * FROM question WHERE contest_id = ? ORDER BY seq").param(contestId)
                .query(JdbcQuestions::row).list();
    }

    @Override
    public List<Question> firstN(long contestId, int n) {
        Bank bank = cached(contestId);
        if (bank != null) {
            return bank.all().subList(0, Math.max(0, Math.min(n, bank.all().size())));
        }
        return jdbc.sql("SELECT * FROM question WHERE contest_id = ? ORDER BY seq LIMIT ?").params(contestId, n)
                .query(JdbcQuestions::row).list();
    }

    @Override
    public Map<String, Question> byKeys(long contestId, Collection<String> keys) {
        Bank bank = cached(contestId);
        if (bank != null) {
            Map<String, Question> result = new HashMap<>();
            for (String key : keys) {
                Question q = bank.byKey().get(key);
                if (q != null) {
                    result.put(key, q);
                }
            }
            return result;
        }
        Map<String, Question> result = new HashMap<>();
        for (List<String> chunk : InLists.of(keys)) {
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

    /**
     * The contest's bank as of its version, from memory when kept; null inside a transaction, where the queries
     * read just what is asked for (and rows not yet committed, perhaps rolled back, must not be kept).
     */
    private Bank cached(long contestId) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            return null;
        }
        long version = versions.get(contestId, c -> jdbc.sql("SELECT version FROM question_bank_version WHERE contest_id = ?")
                .param(c).query(Long.class).optional().orElse(0L));
        return banks.get(new Version(contestId, version), v -> {
            List<Question> all = List.copyOf(jdbc.sql("SELECT * FROM question WHERE contest_id = ? ORDER BY seq")
                    .param(v.contestId()).query(JdbcQuestions::row).list());
            Map<String, Question> byKey = new HashMap<>();
            all.forEach(q -> byKey.put(q.key(), q));
            return new Bank(all, Map.copyOf(byKey));
        });
    }

    @Override
    public void upsert(List<Question> added, List<Question> changed) {
        java.util.Set<Long> contests = new java.util.TreeSet<>();
        added.forEach(q -> contests.add(q.contestId()));
        changed.forEach(q -> contests.add(q.contestId()));
        for (long contestId : contests) {
            versions.forget(contestId);
            // raised first, in the same transaction: a node that reads the new version reads the new rows
            jdbc.sql("""
                    INSERT INTO question_bank_version (contest_id, version) VALUES (?, 1)
                    ON CONFLICT (contest_id) DO UPDATE SET version = question_bank_version.version + 1
                    """).param(contestId).update();
        }
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
                List.copyOf(JSON.readValue(rs.getString("options"), STRINGS)), rs.getString("answer"), rs.getInt("points"),
                rs.getString("category"), rs.getString("explanation"));
    }
}
