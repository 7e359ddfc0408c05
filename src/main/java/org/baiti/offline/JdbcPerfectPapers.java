package org.baiti.offline;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Consumer;

import org.baiti.Dialect;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyOut;
import org.springframework.core.task.TaskExecutor;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * The draw's one measured fast path (docs/draw.md, "Speed"; a pool of 10⁶), in one read-only transaction (one
 * snapshot). SQLite makes a driver call per column and row, so there the database builds each chunk of {@value #CHUNK}
 * rows as one JSON array of {@code [ticket, name, unit code]} on a second thread ({@link Pipeline}, as the import's two
 * stages), read with Jackson's streaming parser on the caller's thread. PostgreSQL builds JSON slowly (1.2 s for the
 * whole array), so there the rows come as the text rows of {@code COPY}, faster than a cursor's (a {@code String} per
 * column and row through the driver's result set), on the caller's thread while the server sends the next.
 */
@Repository
class JdbcPerfectPapers implements PerfectPapers {

    /** Rows per JSON array on SQLite. */
    static final int CHUNK = 50_000;

    // the ordered subquery feeds the aggregate in the index's order (an ORDER BY inside the aggregate would sort again:
    // +0.3 s at 10⁶); the next chunk starts after the last ticket of this one
    private static final String CHUNK_SQL = "SELECT json_group_array(json_array(ticket, name, unit_code)), count(*),"
            + " max(ticket) FROM (SELECT ticket, name, unit_code FROM offline_result WHERE contest_id = ? AND perfect = 1"
            + " %s ORDER BY ticket LIMIT ?)";
    private static final String FIRST_CHUNK = CHUNK_SQL.formatted("");
    private static final String NEXT_CHUNK = CHUNK_SQL.formatted("AND ticket > ?");
    /** PostgreSQL's query of the pool: the index in {@code COLLATE "C"} (V98) gives this order without a sort. */
    static final String POOL = "SELECT ticket, name, unit_code FROM offline_result"
            + " WHERE contest_id = %d AND perfect = 1 ORDER BY ticket COLLATE \"C\"";

    private final JdbcTemplate template;
    private final Dialect dialect;
    private final JsonMapper json;
    private final TaskExecutor executor;
    private final TransactionTemplate snapshot;

    JdbcPerfectPapers(JdbcTemplate template, Dialect dialect, JsonMapper json,
                      TaskExecutor applicationTaskExecutor, PlatformTransactionManager transactions) {
        this.template = template;
        this.dialect = dialect;
        this.json = json;
        this.executor = applicationTaskExecutor;
        this.snapshot = new TransactionTemplate(transactions);
        this.snapshot.setReadOnly(true);
        this.snapshot.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Override
    public void forEach(long contestId, Consumer<Paper> each) {
        if (dialect == Dialect.POSTGRESQL) {
            snapshot.executeWithoutResult(tx -> template.execute((ConnectionCallback<Void>) con -> {
                copy(con, contestId, each);
                return null;
            }));
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
                    each.accept(new Paper(ticket, name, code));
                }
            }
        });
    }

    /**
     * PostgreSQL: the pool as {@code COPY … TO STDOUT} in the text format, a row per call of the driver (its columns
     * separated by tabs, a line feed at the end, a backslash before {@code \\ \b \f \n \r \t \v}), each paper
     * handed to {@code each} as it comes.
     */
    private void copy(Connection con, long contestId, Consumer<Paper> each) throws SQLException {
        CopyOut copy = con.unwrap(PGConnection.class).getCopyAPI()
                .copyOut("COPY (" + POOL.formatted(contestId) + ") TO STDOUT");
        try {
            for (byte[] row = copy.readFromCopy(); row != null; row = copy.readFromCopy()) {
                int name = tab(row, 0) + 1;
                int unit = tab(row, name) + 1;
                each.accept(new Paper(column(row, 0, name - 1), column(row, name, unit - 1),
                        column(row, unit, row.length - 1)));
            }
        } catch (RuntimeException e) { // read the rest: the connection is usable again (cancelCopy left it broken)
            try {
                while (copy.readFromCopy() != null) {
                    // drained
                }
            } catch (SQLException | RuntimeException drained) {
                e.addSuppressed(drained);
            }
            throw e;
        }
    }

    private static int tab(byte[] row, int from) {
        int i = from;
        while (row[i] != '\t') {
            i++;
        }
        return i;
    }

    /** A column of a {@code COPY} text row (UTF-8; no byte of a multi-byte character is a backslash), unescaped. */
    private static String column(byte[] row, int from, int to) {
        String text = new String(row, from, to - from, StandardCharsets.UTF_8);
        int slash = text.indexOf('\\');
        if (slash < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length()).append(text, 0, slash);
        for (int i = slash; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                c = switch (text.charAt(++i)) {
                    case 'b' -> '\b';
                    case 'f' -> '\f';
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    case 't' -> '\t';
                    case 'v' -> '\u000B';
                    default -> text.charAt(i);
                };
            }
            out.append(c);
        }
        return out.toString();
    }

    private record Chunk(byte[] json, int rows, String last) {
    }
}
