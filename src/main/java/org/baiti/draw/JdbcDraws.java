package org.baiti.draw;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.baiti.Dialect;
import org.postgresql.PGStatement;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@Repository
class JdbcDraws implements Draws {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };
    private static final TypeReference<List<DrawRecord.Tier>> TIERS = new TypeReference<>() {
    };
    private static final TypeReference<List<DrawRecord.Entry>> ENTRIES = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final Dialect dialect;
    private final JsonMapper json;

    JdbcDraws(JdbcClient jdbc, JdbcTemplate template, Dialect dialect, JsonMapper json) {
        this.jdbc = jdbc;
        this.template = template;
        this.dialect = dialect;
        this.json = json;
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
        jdbc.sql("INSERT INTO draw_pool (draw_id, compression, pool_display) VALUES (?, ?, ?)")
                .params(d.id(), pool.compression(), pool.display()).update();
    }

    @Override
    public Optional<StoredPool> pool(long drawId) {
        List<StoredPool> found = template.query(con -> {
            PreparedStatement ps = con.prepareStatement(
                    "SELECT compression, pool_display FROM draw_pool WHERE draw_id = ?");
            if (dialect == Dialect.POSTGRESQL) {
                // Binary transfer from the first execution: bytea would otherwise arrive as hex text, twice its size.
                ps.unwrap(PGStatement.class).setPrepareThreshold(-1);
            }
            ps.setLong(1, drawId);
            return ps;
        }, (rs, i) -> new StoredPool(rs.getString(1), rs.getBytes(2)));
        return found.stream().findFirst();
    }

    @Override
    public List<DrawRecord.Entry> winnerEntries(long drawId) {
        return jdbc.sql("SELECT winner_entries FROM draw WHERE id = ?").param(drawId)
                .query((rs, i) -> rs.getString(1)).optional()
                .map(entries -> json.readValue(entries, ENTRIES)).orElse(List.of());
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
    public boolean seal(long id, List<String> seed, String seedDigest, List<DrawRecord.Entry> winners, Instant at,
                        String by) {
        return jdbc.sql("""
                UPDATE draw SET status = 'SEALED', seed = ?, seed_digest = ?, winners = ?, winner_entries = ?,
                    revealed_at = ?, revealed_by = ?
                WHERE id = ? AND status = 'COMMITTED'
                """)
                .params(json.writeValueAsString(seed), seedDigest,
                        json.writeValueAsString(winners.stream().map(DrawRecord.Entry::key).toList()),
                        json.writeValueAsString(winners),
                        at.toEpochMilli(), by, id)
                .update() == 1;
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
