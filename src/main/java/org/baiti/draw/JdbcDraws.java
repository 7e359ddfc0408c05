package org.baiti.draw;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.baiti.Dialect;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@Repository
class JdbcDraws implements Draws {

    /** Keys per IN list when reading old draw_entry rows. */
    private static final int ROWS_PER_INSERT = 500;

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };
    private static final TypeReference<List<DrawRecord.Tier>> TIERS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final JdbcTemplate streaming;
    private final TransactionTemplate readOnly;
    private final Dialect dialect;
    private final JsonMapper json;

    JdbcDraws(JdbcClient jdbc, JdbcTemplate template, DataSource dataSource, PlatformTransactionManager transactions,
              Dialect dialect, JsonMapper json) {
        this.jdbc = jdbc;
        this.template = template;
        this.streaming = new JdbcTemplate(dataSource);
        this.streaming.setFetchSize(2000);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.dialect = dialect;
        this.json = json;
    }

    /**
     * One query answering one JSON text ({@code [[ticket, name, unit_code], …]}) built by the database, parsed with a
     * streaming parser into three arrays: a million rows fetched one by one cost several seconds through the SQLite
     * driver (a JNI call per row and column) and a Java object per row, the aggregate one call and one string.
     */
    @Override
    public Candidates offlinePerfect(long contestId) {
        // Unit names by code first (a few hundred rows), so each result needs no join and shares one String.
        Map<String, String> units = new HashMap<>();
        template.query("SELECT code, name FROM unit WHERE contest_id = ?",
                (RowCallbackHandler) rs -> units.put(rs.getString(1), rs.getString(2)), contestId);
        String sql = dialect == Dialect.POSTGRESQL
                ? "SELECT COALESCE(json_agg(json_build_array(ticket, name, unit_code))::text, '[]') FROM offline_result"
                + " WHERE contest_id = ? AND perfect = 1"
                : "SELECT json_group_array(json_array(ticket, name, unit_code)) FROM offline_result"
                + " WHERE contest_id = ? AND perfect = 1";
        String text = jdbc.sql(sql).param(contestId).query(String.class).single();
        int capacity = 1024;
        String[] keys = new String[capacity];
        String[] names = new String[capacity];
        String[] unitNames = new String[capacity];
        int n = 0;
        try (JsonParser p = json.createParser(text)) {
            if (p.nextToken() != JsonToken.START_ARRAY) {
                throw new IllegalStateException("unexpected aggregate from the database");
            }
            while (p.nextToken() == JsonToken.START_ARRAY) {
                if (n == keys.length) {
                    capacity = keys.length * 2;
                    keys = Arrays.copyOf(keys, capacity);
                    names = Arrays.copyOf(names, capacity);
                    unitNames = Arrays.copyOf(unitNames, capacity);
                }
                p.nextToken();
                keys[n] = p.getString();
                p.nextToken();
                names[n] = p.getString();
                p.nextToken();
                String code = p.getString();
                String unit = units.get(code);
                unitNames[n] = unit == null ? code : unit;
                if (p.nextToken() != JsonToken.END_ARRAY) {
                    throw new IllegalStateException("unexpected aggregate from the database");
                }
                n++;
            }
        }
        return new Candidates(Arrays.copyOf(keys, n), Arrays.copyOf(names, n), Arrays.copyOf(unitNames, n));
    }

    @Override
    public int countOfflinePerfect(long contestId) {
        return jdbc.sql("SELECT COUNT(*) FROM offline_result WHERE contest_id = ? AND perfect = 1")
                .param(contestId).query(Integer.class).single();
    }

    @Override
    public void insert(DrawRecord d, StoredPool pool) {
        jdbc.sql("""
                INSERT INTO draw (id, contest_id, name, k, pool_kind, seed_sources, tiers, pool_digest, n, status,
                    committed_at, committed_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
                .params(d.id(), d.contestId(), d.name(), d.k(), d.poolKind(), d.seedSources(),
                        d.tiers() == null ? null : json.writeValueAsString(d.tiers()), d.poolDigest(), d.n(),
                        d.status().name(), d.committedAt().toEpochMilli(), d.committedBy())
                .update();
        template.update(con -> {
            PreparedStatement ps = con.prepareStatement(
                    "INSERT INTO draw_pool (draw_id, compression, pool_keys, pool_display) VALUES (?, ?, ?, ?)");
            ps.setLong(1, d.id());
            ps.setString(2, pool.compression());
            ps.setBytes(3, pool.keys());
            ps.setBytes(4, pool.display());
            return ps;
        });
    }

    @Override
    public Optional<StoredPool> pool(long drawId) {
        return jdbc.sql("SELECT compression, pool_keys, pool_display FROM draw_pool WHERE draw_id = ?").param(drawId)
                .query((rs, i) -> new StoredPool(rs.getString(1), rs.getBytes(2), rs.getBytes(3))).optional();
    }

    @Override
    public Optional<String> winnerEntries(long drawId) {
        return jdbc.sql("SELECT winner_entries FROM draw WHERE id = ?").param(drawId)
                .query((rs, i) -> Optional.ofNullable(rs.getString(1))).optional().flatMap(o -> o);
    }

    @Override
    public Optional<DrawRecord> find(long id) {
        return jdbc.sql("SELECT * FROM draw WHERE id = ?").param(id).query(this::row).optional();
    }

    @Override
    public List<DrawRecord> forContest(long contestId) {
        return jdbc.sql("SELECT * FROM draw WHERE contest_id = ? ORDER BY committed_at, id").param(contestId)
                .query(this::row).list();
    }

    @Override
    public List<String> poolKeys(long drawId) {
        List<String> keys = new ArrayList<>();
        stream("SELECT entry_key FROM draw_entry WHERE draw_id = ? ORDER BY pos", rs -> keys.add(rs.getString(1)),
                drawId);
        return keys;
    }

    @Override
    public void forEachEntry(long drawId, Consumer<DrawRecord.Entry> action) {
        stream("SELECT pos, entry_key, name, unit FROM draw_entry WHERE draw_id = ? ORDER BY pos",
                rs -> action.accept(entry(rs)), drawId);
    }

    /**
     * Runs a query row by row. PostgreSQL only streams with a cursor inside a transaction; SQLite steps through rows
     * anyway, and there a read outside a transaction takes no write lock (WAL readers never block the writer).
     */
    private void stream(String sql, RowCallbackHandler handler, Object... args) {
        if (dialect == Dialect.POSTGRESQL) {
            readOnly.executeWithoutResult(s -> streaming.query(sql, handler, args));
        } else {
            streaming.query(sql, handler, args);
        }
    }

    @Override
    public Optional<DrawRecord.Entry> entry(long drawId, String key) {
        return jdbc.sql("SELECT pos, entry_key, name, unit FROM draw_entry WHERE draw_id = ? AND entry_key = ?")
                .params(drawId, key).query((rs, n) -> entry(rs)).optional();
    }

    @Override
    public Map<String, DrawRecord.Entry> entries(long drawId, Collection<String> keys) {
        Map<String, DrawRecord.Entry> out = new HashMap<>();
        List<String> all = new ArrayList<>(keys);
        for (int from = 0; from < all.size(); from += ROWS_PER_INSERT) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + ROWS_PER_INSERT));
            String marks = String.join(", ", java.util.Collections.nCopies(chunk.size(), "?"));
            List<Object> params = new ArrayList<>(chunk.size() + 1);
            params.add(drawId);
            params.addAll(chunk);
            jdbc.sql("SELECT pos, entry_key, name, unit FROM draw_entry WHERE draw_id = ? AND entry_key IN ("
                            + marks + ")")
                    .params(params).query((rs, n) -> entry(rs)).list()
                    .forEach(e -> out.put(e.key(), e));
        }
        return out;
    }

    @Override
    public boolean seal(long id, List<String> seed, String seedDigest, List<String> winners, String winnerEntries,
                        Instant at, String by) {
        return jdbc.sql("""
                UPDATE draw SET status = 'SEALED', seed = ?, seed_digest = ?, winners = ?, winner_entries = ?,
                    revealed_at = ?, revealed_by = ?
                WHERE id = ? AND status = 'COMMITTED'
                """)
                .params(json.writeValueAsString(seed), seedDigest, json.writeValueAsString(winners), winnerEntries,
                        at.toEpochMilli(), by, id)
                .update() == 1;
    }

    private static DrawRecord.Entry entry(ResultSet rs) throws SQLException {
        return new DrawRecord.Entry(rs.getInt("pos"), rs.getString("entry_key"), rs.getString("name"),
                rs.getString("unit"));
    }

    private DrawRecord row(ResultSet rs, int n) throws SQLException {
        long revealed = rs.getLong("revealed_at");
        Instant revealedAt = rs.wasNull() ? null : Instant.ofEpochMilli(revealed);
        String tiers = rs.getString("tiers");
        String seed = rs.getString("seed");
        String winners = rs.getString("winners");
        return new DrawRecord(
                rs.getLong("id"),
                rs.getLong("contest_id"),
                rs.getString("name"),
                rs.getInt("k"),
                rs.getString("pool_kind"),
                rs.getString("seed_sources"),
                tiers == null ? null : json.readValue(tiers, TIERS),
                rs.getString("pool_digest"),
                rs.getInt("n"),
                DrawRecord.Status.valueOf(rs.getString("status")),
                Instant.ofEpochMilli(rs.getLong("committed_at")),
                rs.getString("committed_by"),
                seed == null ? null : json.readValue(seed, STRINGS),
                rs.getString("seed_digest"),
                winners == null ? null : json.readValue(winners, STRINGS),
                revealedAt,
                rs.getString("revealed_by"));
    }
}
