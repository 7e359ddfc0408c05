package org.baiti.privacy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The personal data of the online, offline and roster tables, read and purged in plain SQL. The purge is the one place
 * that writes another feature's tables: it must reach every table with a phone column at once, in one transaction,
 * and the list here is what a reviewer checks against the migrations.
 */
@Repository
class JdbcPersonalDataStore implements PersonalDataStore {

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    JdbcPersonalDataStore(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    @Override
    public Map<String, Integer> pseudonymize(long contestId, UnaryOperator<String> hash) {
        TreeSet<String> full = new TreeSet<>();
        Map<String, String> byHash = new HashMap<>();
        long last = 0;
        for (String table : PHONE_TABLES) {
            for (String p : jdbc.sql("SELECT DISTINCT phone FROM " + table + " WHERE contest_id = ?").param(contestId)
                    .query(String.class).list()) {
                if (Pseudonym.is(p)) {
                    byHash.put(Pseudonym.hashOf(p), p);
                    last = Math.max(last, Pseudonym.ordinal(p));
                } else {
                    full.add(p);
                }
            }
        }
        // in ascending order of the numbers, so the ordinals keep the ranking's last tie-break (Pseudonym)
        Map<String, String> replace = new LinkedHashMap<>();
        for (String phone : full) {
            String h = Pseudonym.shortHash(hash.apply(phone));
            String existing = byHash.get(h);
            if (existing == null) {
                existing = Pseudonym.of(phone, ++last, h);
                byHash.put(h, existing);
            }
            replace.put(phone, existing);
        }
        List<Object[]> rows = new ArrayList<>();
        replace.forEach((phone, pseudonym) -> rows.add(new Object[] {pseudonym, contestId, phone}));
        Map<String, Integer> changed = new LinkedHashMap<>();
        for (String table : PHONE_TABLES) {
            int n = 0;
            for (int[] batch : template.batchUpdate("UPDATE " + table + " SET phone = ? WHERE contest_id = ? AND phone = ?",
                    rows, 500, (ps, r) -> {
                        ps.setString(1, (String) r[0]);
                        ps.setLong(2, (Long) r[1]);
                        ps.setString(3, (String) r[2]);
                    })) {
                for (int c : batch) {
                    n += Math.max(c, 0);
                }
            }
            changed.put(table, n);
        }
        return changed;
    }

    @Override
    public int forgetAddresses(long contestId) {
        int n = jdbc.sql("UPDATE attempt SET client_ip = NULL WHERE contest_id = ? AND client_ip IS NOT NULL")
                .param(contestId).update();
        return n;
    }

    @Override
    public long fullPhones(long contestId) {
        long n = 0;
        for (String table : PHONE_TABLES) {
            n += jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE contest_id = ? AND phone NOT LIKE '%~%'")
                    .param(contestId).query(Long.class).single();
        }
        return n;
    }

    @Override
    public Optional<String> phoneOfToken(long contestId, String tokenSha256) {
        return jdbc.sql("SELECT phone FROM attempt WHERE contest_id = ? AND token_hash = ?")
                .params(contestId, tokenSha256).query(String.class).optional();
    }

    @Override
    public Optional<String> pseudonymWithHash(long contestId, String shortHash) {
        String like = "%" + Pseudonym.SEP + shortHash + Pseudonym.SEP + "%";
        for (String table : PHONE_TABLES) {
            Optional<String> p = jdbc.sql("SELECT phone FROM " + table + " WHERE contest_id = ? AND phone LIKE ? LIMIT 1")
                    .params(contestId, like).query(String.class).optional();
            if (p.isPresent()) {
                return p;
            }
        }
        return Optional.empty();
    }

    @Override
    public List<Map<String, Object>> attempts(long contestId, String storedPhone) {
        return jdbc.sql("""
                SELECT a.name, a.unit_code, u.name AS unit_name, a.attempt_no, a.issued_at, a.submitted_at, a.score,
                       a.max_score, a.accuracy, a.duration_ms, a.late, a.client_ip
                FROM attempt a LEFT JOIN unit u ON u.contest_id = a.contest_id AND u.code = a.unit_code
                WHERE a.contest_id = ? AND a.phone = ? ORDER BY a.attempt_no
                """).params(contestId, storedPhone).query().listOfRows().stream().map(JdbcPersonalDataStore::lower).toList();
    }

    @Override
    public List<Map<String, Object>> offlineResults(long contestId, String storedPhone) {
        return jdbc.sql("""
                SELECT o.ticket, o.name, o.unit_code, u.name AS unit_name, o.score, o.max_score, o.accuracy, o.venue
                FROM offline_result o LEFT JOIN unit u ON u.contest_id = o.contest_id AND u.code = o.unit_code
                WHERE o.contest_id = ? AND o.phone = ? ORDER BY o.ticket
                """).params(contestId, storedPhone).query().listOfRows().stream().map(JdbcPersonalDataStore::lower).toList();
    }

    @Override
    public List<Map<String, Object>> rosterEntries(long contestId, String storedPhone) {
        return jdbc.sql("""
                SELECT r.name, r.unit_code, u.name AS unit_name
                FROM roster_entry r LEFT JOIN unit u ON u.contest_id = r.contest_id AND u.code = r.unit_code
                WHERE r.contest_id = ? AND r.phone = ?
                """).params(contestId, storedPhone).query().listOfRows().stream().map(JdbcPersonalDataStore::lower).toList();
    }

    /** Column labels as written (PostgreSQL answers them in lower case, SQLite as written: both lower here). */
    private static Map<String, Object> lower(Map<String, Object> row) {
        Map<String, Object> out = new LinkedHashMap<>();
        row.forEach((k, v) -> out.put(k.toLowerCase(java.util.Locale.ROOT), v));
        return out;
    }
}
