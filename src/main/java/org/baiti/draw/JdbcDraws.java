package org.baiti.draw;

import java.nio.charset.StandardCharsets;
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
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.baiti.Dialect;
import org.postgresql.PGConnection;
import org.postgresql.PGStatement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@Repository
@EnableConfigurationProperties(DrawSettings.class)
class JdbcDraws implements Draws {

    private static final Logger log = LoggerFactory.getLogger(JdbcDraws.class);

    /** Keys per IN list when reading old draw_entry rows. */
    private static final int ROWS_PER_INSERT = 500;

    private static final byte[] EMPTY_AGGREGATE = {'[', ']'};

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
    /** From this many rows on, SQLite reads a pool in two halves at once. */
    private final int splitRows;

    JdbcDraws(JdbcClient jdbc, JdbcTemplate template, DataSource dataSource, PlatformTransactionManager transactions,
              Dialect dialect, JsonMapper json, DrawSettings settings) {
        this.splitRows = settings.splitReadRows();
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
     * SQLite: one query answering one JSON text ({@code [["ticket","name","unit_code"], …]}) built by the database,
     * scanned here as bytes: a million rows fetched one by one cost several seconds through the SQLite driver (a JNI
     * call per row and column) and a Java object per row, the aggregate one call and one byte array. Each field that
     * holds no escape goes to {@link PoolCandidates} as the slice of bytes it is (no String per row); the rare one
     * that does is unescaped first. The rows come in byte order of the ticket (SQLite's BINARY collation,
     * PostgreSQL's "C"), the pool's own order, so the sort only has to confirm it; any other order is still sorted
     * correctly.
     */
    @Override
    public PoolCandidates offlinePerfect(long contestId) {
        // Unit names by code first (a few hundred rows): each unit is rendered once, not once per result.
        Map<String, String> units = new HashMap<>();
        template.query("SELECT code, name FROM unit WHERE contest_id = ?",
                (RowCallbackHandler) rs -> units.put(rs.getString(1), rs.getString(2)), contestId);
        boolean postgres = dialect == Dialect.POSTGRESQL;
        long t0 = System.nanoTime();
        byte[][] parts = postgres ? copyParts(contestId) : sqliteAggregates(contestId);
        long t1 = System.nanoTime();
        PoolCandidates.Builder rows = new PoolCandidates.Builder((parts[0].length + parts[1].length) / 32, units,
                json::writeValueAsBytes);
        for (byte[] part : parts) {
            if (postgres) {
                scanCopy(part, rows);
            } else {
                scanAggregate(part, rows);
            }
        }
        PoolCandidates out = rows.build();
        log.debug("offlinePerfect: {} {} ms, scan {} ms, {} + {} bytes", postgres ? "copy" : "query",
                (t1 - t0) / 1_000_000, (System.nanoTime() - t1) / 1_000_000, parts[0].length, parts[1].length);
        return out;
    }

    /**
     * The pool's rows as JSON aggregates, lower tickets first. A large pool is read in two halves at once, the upper
     * one on a second connection (the aggregate is most of a commit's time and the machine has more than one core).
     * The second connection sees exactly the rows this one sees only while this transaction holds SQLite's write lock
     * (a writing transaction begins IMMEDIATE, so nobody can commit in between); otherwise, or for a small pool, one
     * query reads everything.
     */
    private byte[][] sqliteAggregates(long contestId) {
        String aggregate = "SELECT CAST(json_group_array(json_array(ticket, name, unit_code)) AS BLOB) FROM (SELECT"
                + " ticket, name, unit_code FROM offline_result WHERE contest_id = ? AND perfect = 1%s ORDER BY ticket)";
        boolean writing = TransactionSynchronizationManager.isActualTransactionActive()
                && !TransactionSynchronizationManager.isCurrentTransactionReadOnly();
        int total = writing ? countOfflinePerfect(contestId) : 0;
        if (total < splitRows) {
            byte[] all = jdbc.sql(aggregate.formatted("")).param(contestId).query((rs, i) -> rs.getBytes(1)).single();
            return new byte[][] {all, EMPTY_AGGREGATE};
        }
        String middle = jdbc.sql("SELECT ticket FROM offline_result WHERE contest_id = ? AND perfect = 1 ORDER BY ticket"
                + " LIMIT 1 OFFSET ?").params(contestId, total / 2).query(String.class).single();
        return both(() -> jdbc.sql(aggregate.formatted(" AND ticket < ?")).params(contestId, middle)
                        .query((rs, i) -> rs.getBytes(1)).single(),
                () -> streaming.queryForObject(aggregate.formatted(" AND ticket >= ?"), (rs, i) -> rs.getBytes(1),
                        contestId, middle));
    }

    /** Runs {@code lower} on this thread and {@code upper} on a thread of its own at the same time. */
    private static byte[][] both(Callable<byte[]> lower, Callable<byte[]> upper) {
        FutureTask<byte[]> second = new FutureTask<>(upper);
        Thread reader = new Thread(second, "draw-pool-read");
        reader.setDaemon(true);
        reader.start();
        byte[] first;
        try {
            first = lower.call();
        } catch (Exception e) {
            second.cancel(false);
            throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
        }
        try {
            return new byte[][] {first, second.get()};
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the pool", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    /** Adds the rows of one aggregate ({@code [["ticket","name","unit_code"], …]}) to {@code rows}. */
    private static void scanAggregate(byte[] text, PoolCandidates.Builder rows) {
        int o = expect(text, 0, '[');
        if (o < text.length && text[o] == ']') {
            o++;
        } else {
            while (true) {
                o = expect(text, o, '[');
                o = jsonField(text, o, rows, 0);
                o = jsonField(text, expect(text, o, ','), rows, 1);
                o = jsonField(text, expect(text, o, ','), rows, 2);
                o = expect(text, o, ']');
                if (o < text.length && text[o] == ',') {
                    o++;
                } else {
                    o = expect(text, o, ']');
                    break;
                }
            }
        }
        if (o != text.length) {
            throw new IllegalStateException("unexpected aggregate from the database");
        }
    }

    private static int expect(byte[] t, int o, char c) {
        if (o >= t.length || t[o] != c) {
            throw new IllegalStateException("unexpected aggregate from the database");
        }
        return o + 1;
    }

    /** Field {@code which} (key, name, unit) of a row: the JSON string at {@code o}; returns the index after it. */
    private static int jsonField(byte[] t, int o, PoolCandidates.Builder rows, int which) {
        int from = expect(t, o, '"');
        int i = from;
        boolean escaped = false;
        while (i < t.length && t[i] != '"') {
            if (t[i] == '\\') {
                escaped = true;
                i++;
            }
            i++;
        }
        if (i >= t.length) {
            throw new IllegalStateException("unexpected aggregate from the database");
        }
        if (escaped) {
            String s = FrozenPool.unescape(t, from, i);
            switch (which) {
                case 0 -> rows.key(s);
                case 1 -> rows.name(s);
                default -> rows.unit(s);
            }
        } else {
            switch (which) {
                case 0 -> rows.key(t, from, i);
                case 1 -> rows.name(t, from, i);
                default -> rows.unit(t, from, i);
            }
        }
        return i + 1;
    }

    /**
     * PostgreSQL: the pool's rows through {@code COPY … TO STDOUT} (text format) into byte arrays, split by hand in
     * {@link #scanCopy}; faster than fetching a million rows through the driver or building one JSON aggregate on the
     * server. Ordered by ticket (the index offline_result_perfect; under a code-point collation such as C or C.UTF-8
     * that is already the pool's byte order, otherwise the sort simply does its work). Lower tickets first. A large
     * pool is copied in two halves at once, each on a connection of its own that imports the snapshot of this
     * transaction ({@code pg_export_snapshot}), so both see the same rows, as one COPY would.
     */
    /** What pg_export_snapshot answers (hex words and dashes); checked before it goes into SET TRANSACTION. */
    private static final java.util.regex.Pattern SNAPSHOT_ID = java.util.regex.Pattern.compile("[0-9A-Fa-f-]{1,64}");

    private byte[][] copyParts(long contestId) {
        String copy = "COPY (SELECT ticket, name, unit_code FROM offline_result WHERE contest_id = " + contestId
                + " AND perfect = 1%s ORDER BY ticket) TO STDOUT";
        int total = TransactionSynchronizationManager.isActualTransactionActive() ? countOfflinePerfect(contestId) : 0;
        if (total < splitRows) {
            byte[] all = template.execute((ConnectionCallback<byte[]>) con -> copyOut(con, copy.formatted("")));
            return new byte[][] {all, new byte[0]};
        }
        String snapshot = jdbc.sql("SELECT pg_export_snapshot()").query(String.class).single();
        String middle = jdbc.sql("SELECT ticket FROM offline_result WHERE contest_id = ? AND perfect = 1 ORDER BY ticket"
                + " LIMIT 1 OFFSET ?").params(contestId, total / 2).query(String.class).single();
        // COPY takes no parameters: the ticket that splits the pool is bound into a setting of each copying
        // transaction, and the COPY's query reads that setting; no data is ever written into SQL text.
        return both(() -> copyInSnapshot(snapshot, middle, copy.formatted(" AND ticket < current_setting('baiti.split')")),
                () -> copyInSnapshot(snapshot, middle, copy.formatted(" AND ticket >= current_setting('baiti.split')")));
    }

    private byte[] copyInSnapshot(String snapshot, String split, String copy) throws SQLException {
        if (!SNAPSHOT_ID.matcher(snapshot).matches()) {
            throw new IllegalStateException("unexpected snapshot id from pg_export_snapshot: " + snapshot);
        }
        try (java.sql.Connection con = streaming.getDataSource().getConnection()) {
            boolean autoCommit = con.getAutoCommit();
            con.setAutoCommit(false);
            try (java.sql.Statement st = con.createStatement();
                 java.sql.PreparedStatement set = con.prepareStatement("SELECT set_config('baiti.split', ?, true)")) {
                st.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
                st.execute("SET TRANSACTION SNAPSHOT '" + snapshot + "'");
                set.setString(1, split);
                set.execute();
                return copyOut(con, copy);
            } finally {
                con.rollback();
                con.setAutoCommit(autoCommit);
            }
        }
    }

    private static byte[] copyOut(java.sql.Connection con, String copy) throws SQLException {
        try {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(1 << 20);
            con.unwrap(PGConnection.class).getCopyAPI().copyOut(copy, out);
            return out.toByteArray();
        } catch (java.io.IOException e) {
            throw new SQLException(e);
        }
    }

    /** Adds the rows of COPY text output to {@code rows}. */
    private static void scanCopy(byte[] data, PoolCandidates.Builder rows) {
        int o = 0;
        while (o < data.length) {
            o = copyField(data, o, rows, 0) + 1;
            o = copyField(data, o, rows, 1) + 1;
            int end = copyField(data, o, rows, 2);
            if (end >= data.length || data[end] != '\n') {
                throw new IllegalStateException("unexpected COPY output");
            }
            o = end + 1;
        }
    }

    /** Field {@code which} (key, name, unit) of a COPY row from {@code from}; returns the index of the tab or LF after it. */
    private static int copyField(byte[] d, int from, PoolCandidates.Builder rows, int which) {
        int i = from;
        boolean escaped = false;
        while (i < d.length && d[i] != '\t' && d[i] != '\n') {
            if (d[i] == '\\') {
                escaped = true;
                i++;
            }
            i++;
        }
        if (escaped) {
            int[] end = new int[1];
            String s = copyField(d, from, end);
            switch (which) {
                case 0 -> rows.key(s);
                case 1 -> rows.name(s);
                default -> rows.unit(s);
            }
            return end[0];
        }
        switch (which) {
            case 0 -> rows.key(d, from, i);
            case 1 -> rows.name(d, from, i);
            default -> rows.unit(d, from, i);
        }
        return i;
    }

    /** One field of COPY's text format from {@code from} to the next tab or line feed (stored in end[0]), unescaped. */
    private static String copyField(byte[] d, int from, int[] end) {
        int i = from;
        boolean escaped = false;
        while (i < d.length && d[i] != '\t' && d[i] != '\n') {
            if (d[i] == '\\') {
                escaped = true;
                i++;
            }
            i++;
        }
        end[0] = i;
        if (!escaped) {
            return new String(d, from, i - from, StandardCharsets.UTF_8);
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(i - from);
        for (int j = from; j < i; j++) {
            byte b = d[j];
            if (b != '\\') {
                out.write(b);
                continue;
            }
            byte e = d[++j];
            switch (e) {
                case 'b' -> out.write('\b');
                case 'f' -> out.write('\f');
                case 'n' -> out.write('\n');
                case 'r' -> out.write('\r');
                case 't' -> out.write('\t');
                case 'v' -> out.write(0x0B);
                case 'x' -> {
                    int v = 0;
                    int digits = 0;
                    while (digits < 2 && j + 1 < i && Character.digit(d[j + 1], 16) >= 0) {
                        v = v * 16 + Character.digit(d[++j], 16);
                        digits++;
                    }
                    out.write(v);
                }
                default -> {
                    if (e >= '0' && e <= '7') {
                        int v = e - '0';
                        int digits = 1;
                        while (digits < 3 && j + 1 < i && d[j + 1] >= '0' && d[j + 1] <= '7') {
                            v = v * 8 + (d[++j] - '0');
                            digits++;
                        }
                        out.write(v);
                    } else {
                        out.write(e); // \\ and any other escaped character stand for themselves
                    }
                }
            }
        }
        return out.toString(StandardCharsets.UTF_8);
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
