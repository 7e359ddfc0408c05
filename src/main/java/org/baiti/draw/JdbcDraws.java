package org.baiti.draw;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.baiti.Dialect;
import org.baiti.Pipeline;
import org.baiti.person.Phones;
import org.baiti.unit.Units;
import org.postgresql.PGStatement;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.task.TaskExecutor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@Repository
@EnableConfigurationProperties(DrawSettings.class)
class JdbcDraws implements Draws {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };
    private static final TypeReference<List<DrawRecord.Tier>> TIERS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    /** Fetches rows in batches: PostgreSQL then reads a pool through a cursor instead of all at once. */
    private final JdbcTemplate streaming;
    private final Dialect dialect;
    private final JsonMapper json;
    private final Units units;
    private final TaskExecutor executor;
    /** A read-only transaction: on SQLite every chunk of a pool comes from the same snapshot. */
    private final TransactionTemplate snapshot;

    JdbcDraws(JdbcClient jdbc, JdbcTemplate template, DataSource dataSource, Dialect dialect, JsonMapper json,
              Units units, TaskExecutor applicationTaskExecutor, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.executor = applicationTaskExecutor;
        this.snapshot = new TransactionTemplate(transactions);
        this.snapshot.setReadOnly(true);
        this.snapshot.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.units = units;
        this.template = template;
        this.streaming = new JdbcTemplate(dataSource);
        this.streaming.setFetchSize(FETCH);
        this.dialect = dialect;
        this.json = json;
    }

    /**
     * The pool in ascending byte order of the ticket (SQLite's {@code BINARY}, PostgreSQL's {@code "C"}), each name
     * masked; a unit code without a unit shows as itself. The draw's one fast path, measured at a pool of 10⁶
     * (docs/draw.md, "Speed"): a second thread reads the pool in one read-only transaction (one snapshot) and hands it
     * over in chunks ({@link Pipeline}), so the database's and the driver's work overlap with this thread's on two
     * cores. SQLite makes a driver call per column and row, so there the database builds each chunk of {@value #CHUNK}
     * rows as one JSON array of {@code [ticket, name, unit code]}, read here with Jackson's streaming parser;
     * PostgreSQL builds JSON slowly (1.2 s for the whole array), so there the rows come through a cursor.
     */
    @Override
    public void offlinePerfect(long contestId, Consumer<Candidate> each) {
        Map<String, String> unitNames = new HashMap<>();
        units.all(contestId).forEach(u -> unitNames.put(u.code(), u.name()));
        if (dialect == Dialect.POSTGRESQL) {
            Pipeline.<List<Candidate>>run(executor, chunks -> snapshot.executeWithoutResult(tx -> {
                try (Stream<Candidate> rows = streaming.queryForStream("SELECT ticket, name, unit_code"
                                + " FROM offline_result WHERE contest_id = ? AND perfect = 1 ORDER BY ticket COLLATE \"C\"",
                        (rs, i) -> candidate(rs.getString(1), rs.getString(2), rs.getString(3), unitNames), contestId)) {
                    Iterator<Candidate> it = rows.iterator();
                    while (it.hasNext()) {
                        List<Candidate> chunk = new ArrayList<>(FETCH);
                        while (chunk.size() < FETCH && it.hasNext()) {
                            chunk.add(it.next());
                        }
                        chunks.accept(chunk);
                    }
                }
            }), chunk -> chunk.forEach(each));
            return;
        }
        Pipeline.<byte[]>run(executor, chunks -> snapshot.executeWithoutResult(tx -> {
            String after = null;
            while (true) {
                Chunk chunk = template.queryForObject(after == null ? FIRST_CHUNK : NEXT_CHUNK,
                        (rs, i) -> new Chunk(rs.getBytes(1), rs.getInt(2), rs.getString(3)),
                        after == null ? new Object[] {contestId, CHUNK} : new Object[] {contestId, after, CHUNK});
                if (chunk.rows() > 0) {
                    chunks.accept(chunk.json());
                }
                if (chunk.rows() < CHUNK) {
                    return;
                }
                after = chunk.last();
            }
        }), array -> {
            try (JsonParser p = json.createParser(array)) {
                p.nextToken(); // [
                while (p.nextToken() == JsonToken.START_ARRAY) {
                    String ticket = p.nextStringValue();
                    String name = p.nextStringValue();
                    String code = p.nextStringValue();
                    p.nextToken(); // ]
                    each.accept(candidate(ticket, name, code, unitNames));
                }
            }
        });
    }

    /** Rows per fetch of PostgreSQL's cursor, and per chunk handed over. */
    static final int FETCH = 2000;

    /** Rows of the pool per JSON array on SQLite. */
    static final int CHUNK = 50_000;

    // the ordered subquery feeds the aggregate in the index's order (an ORDER BY inside the aggregate would sort again:
    // +0.3 s at 10⁶); the next chunk starts after the last ticket of this one
    private static final String CHUNK_SQL = "SELECT json_group_array(json_array(ticket, name, unit_code)), count(*),"
            + " max(ticket) FROM (SELECT ticket, name, unit_code FROM offline_result WHERE contest_id = ? AND perfect = 1"
            + " %s ORDER BY ticket LIMIT ?)";
    private static final String FIRST_CHUNK = CHUNK_SQL.formatted("");
    private static final String NEXT_CHUNK = CHUNK_SQL.formatted("AND ticket > ?");

    private record Chunk(byte[] json, int rows, String last) {
    }

    private static Candidate candidate(String ticket, String name, String unitCode, Map<String, String> unitNames) {
        return new Candidate(ticket, Phones.maskName(name), unitNames.getOrDefault(unitCode, unitCode));
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
        List<StoredPool> found = template.query(con -> {
            PreparedStatement ps = con.prepareStatement(
                    "SELECT compression, pool_keys, pool_display FROM draw_pool WHERE draw_id = ?");
            if (dialect == Dialect.POSTGRESQL) {
                // Binary transfer from the first execution: bytea would otherwise arrive as hex text, twice its size.
                ps.unwrap(PGStatement.class).setPrepareThreshold(-1);
            }
            ps.setLong(1, drawId);
            return ps;
        }, (rs, i) -> new StoredPool(rs.getString(1), rs.getBytes(2), rs.getBytes(3)));
        return found.stream().findFirst();
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
