package org.baiti.draw;

import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.baiti.Dialect;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@Repository
class JdbcDraws implements Draws {

    /** Rows per multi-row INSERT: 5 parameters each, well below the limits of both databases. */
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

    @Override
    public List<Candidate> offlinePerfect(long contestId) {
        Map<String, String> units = new HashMap<>(); // one String per unit name, not one per row
        List<Candidate> out = new ArrayList<>();
        template.query("""
                SELECT o.ticket, o.name, COALESCE(u.name, o.unit_code) AS unit_name
                FROM offline_result o
                LEFT JOIN unit u ON u.contest_id = o.contest_id AND u.code = o.unit_code
                WHERE o.contest_id = ? AND o.perfect = 1
                """, (RowCallbackHandler) rs -> {
            String unit = rs.getString(3);
            out.add(new Candidate(rs.getString(1), rs.getString(2), units.computeIfAbsent(unit, u -> u)));
        }, contestId);
        return out;
    }

    @Override
    public int countOfflinePerfect(long contestId) {
        return jdbc.sql("SELECT COUNT(*) FROM offline_result WHERE contest_id = ? AND perfect = 1")
                .param(contestId).query(Integer.class).single();
    }

    @Override
    public void insert(DrawRecord d, List<DrawRecord.Entry> entries) {
        jdbc.sql("""
                INSERT INTO draw (id, contest_id, name, k, pool_kind, seed_sources, tiers, pool_digest, n, status,
                    committed_at, committed_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
                .params(d.id(), d.contestId(), d.name(), d.k(), d.poolKind(), d.seedSources(),
                        d.tiers() == null ? null : json.writeValueAsString(d.tiers()), d.poolDigest(), d.n(),
                        d.status().name(), d.committedAt().toEpochMilli(), d.committedBy())
                .update();
        if (dialect == Dialect.POSTGRESQL) {
            copyEntries(d.id(), entries);
            return;
        }
        // one prepared multi-row INSERT for every full chunk, another for the rest
        template.execute((ConnectionCallback<Void>) con -> {
            try (PreparedStatement full = con.prepareStatement(insertSql(ROWS_PER_INSERT))) {
                int from = 0;
                for (; from + ROWS_PER_INSERT <= entries.size(); from += ROWS_PER_INSERT) {
                    bind(full, d.id(), entries.subList(from, from + ROWS_PER_INSERT));
                    full.executeUpdate();
                }
                if (from < entries.size()) {
                    try (PreparedStatement rest = con.prepareStatement(insertSql(entries.size() - from))) {
                        bind(rest, d.id(), entries.subList(from, entries.size()));
                        rest.executeUpdate();
                    }
                }
            }
            return null;
        });
    }

    private static void bind(PreparedStatement ps, long drawId, List<DrawRecord.Entry> chunk) throws SQLException {
        int p = 1;
        for (DrawRecord.Entry e : chunk) {
            ps.setLong(p++, drawId);
            ps.setInt(p++, e.pos());
            ps.setString(p++, e.key());
            ps.setString(p++, e.name());
            ps.setString(p++, e.unit());
        }
    }

    /** PostgreSQL: the entries through COPY, several times faster than INSERTs for a pool of a million. */
    private void copyEntries(long drawId, List<DrawRecord.Entry> entries) {
        template.execute((ConnectionCallback<Void>) con -> {
            CopyIn copy = con.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("COPY draw_entry (draw_id, pos, entry_key, name, unit) FROM STDIN");
            try {
                StringBuilder sb = new StringBuilder(1 << 20);
                for (DrawRecord.Entry e : entries) {
                    sb.append(drawId).append('\t').append(e.pos()).append('\t');
                    copyText(sb, e.key()).append('\t');
                    copyText(sb, e.name()).append('\t');
                    copyText(sb, e.unit()).append('\n');
                    if (sb.length() > (1 << 20) - 4096) {
                        byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
                        copy.writeToCopy(bytes, 0, bytes.length);
                        sb.setLength(0);
                    }
                }
                byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
                copy.writeToCopy(bytes, 0, bytes.length);
                copy.endCopy();
            } finally {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
            }
            return null;
        });
    }

    /** A value in COPY's text format: backslash, tab, line feed and carriage return escaped. */
    private static StringBuilder copyText(StringBuilder sb, String v) {
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case '\t' -> sb.append("\\t");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                default -> sb.append(c);
            }
        }
        return sb;
    }

    private static String insertSql(int rows) {
        StringBuilder sb = new StringBuilder("INSERT INTO draw_entry (draw_id, pos, entry_key, name, unit) VALUES ");
        for (int i = 0; i < rows; i++) {
            sb.append(i == 0 ? "(?, ?, ?, ?, ?)" : ", (?, ?, ?, ?, ?)");
        }
        return sb.toString();
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
    public boolean seal(long id, List<String> seed, String seedDigest, List<String> winners, Instant at, String by) {
        return jdbc.sql("""
                UPDATE draw SET status = 'SEALED', seed = ?, seed_digest = ?, winners = ?, revealed_at = ?,
                    revealed_by = ?
                WHERE id = ? AND status = 'COMMITTED'
                """)
                .params(json.writeValueAsString(seed), seedDigest, json.writeValueAsString(winners),
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
