package org.baiti.offline;

import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

import javax.sql.DataSource;

import org.baiti.Dialect;
import org.springframework.core.task.TaskExecutor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * The draw's one measured fast path (docs/draw.md, "Speed"; a pool of 10⁶): a second thread reads the pool in one
 * read-only transaction (one snapshot) and hands it over in chunks ({@link Pipeline}, as the import's two stages), so
 * the database's and the driver's work overlap with the caller's on two cores. SQLite makes a driver call per column
 * and row, so there the database builds each chunk of {@value #CHUNK} rows as one JSON array of
 * {@code [ticket, name, unit code]}, read with Jackson's streaming parser on the caller's thread; PostgreSQL builds JSON
 * slowly (1.2 s for the whole array), so there the rows come through a cursor and are prepared on the reading thread.
 */
@Repository
class JdbcPerfectPapers implements PerfectPapers {

    /** Rows per fetch of PostgreSQL's cursor, and per chunk handed over. */
    static final int FETCH = 2000;

    /** Rows per JSON array on SQLite. */
    static final int CHUNK = 50_000;

    // the ordered subquery feeds the aggregate in the index's order (an ORDER BY inside the aggregate would sort again:
    // +0.3 s at 10⁶); the next chunk starts after the last ticket of this one
    private static final String CHUNK_SQL = "SELECT json_group_array(json_array(ticket, name, unit_code)), count(*),"
            + " max(ticket) FROM (SELECT ticket, name, unit_code FROM offline_result WHERE contest_id = ? AND perfect = 1"
            + " %s ORDER BY ticket LIMIT ?)";
    private static final String FIRST_CHUNK = CHUNK_SQL.formatted("");
    private static final String NEXT_CHUNK = CHUNK_SQL.formatted("AND ticket > ?");
    private static final String CURSOR = "SELECT ticket, name, unit_code FROM offline_result"
            + " WHERE contest_id = ? AND perfect = 1 ORDER BY ticket COLLATE \"C\"";

    private final JdbcTemplate template;
    /** Fetches rows in batches: PostgreSQL then reads through a cursor instead of all at once. */
    private final JdbcTemplate streaming;
    private final Dialect dialect;
    private final JsonMapper json;
    private final TaskExecutor executor;
    private final TransactionTemplate snapshot;

    JdbcPerfectPapers(JdbcTemplate template, DataSource dataSource, Dialect dialect, JsonMapper json,
                      TaskExecutor applicationTaskExecutor, PlatformTransactionManager transactions) {
        this.template = template;
        this.streaming = new JdbcTemplate(dataSource);
        this.streaming.setFetchSize(FETCH);
        this.dialect = dialect;
        this.json = json;
        this.executor = applicationTaskExecutor;
        this.snapshot = new TransactionTemplate(transactions);
        this.snapshot.setReadOnly(true);
        this.snapshot.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Override
    public <T> void forEach(long contestId, Function<Paper, T> prepare, Consumer<T> each) {
        if (dialect == Dialect.POSTGRESQL) {
            Pipeline.<List<T>>run(executor, chunks -> snapshot.executeWithoutResult(tx -> {
                List<T> chunk = new ArrayList<>(FETCH);
                streaming.query(CURSOR, (ResultSet rs) -> {
                    chunk.add(prepare.apply(new Paper(rs.getString(1), rs.getString(2), rs.getString(3))));
                    if (chunk.size() == FETCH) {
                        chunks.accept(new ArrayList<>(chunk));
                        chunk.clear();
                    }
                }, contestId);
                if (!chunk.isEmpty()) {
                    chunks.accept(chunk);
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
                    each.accept(prepare.apply(new Paper(ticket, name, code)));
                }
            }
        });
    }

    private record Chunk(byte[] json, int rows, String last) {
    }
}
