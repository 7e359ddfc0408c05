package org.baiti;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;

/**
 * The prepared statements of one SQLite connection, kept for the next use of the same SQL. sqlite-jdbc compiles the
 * SQL on every {@code prepareStatement} (and Spring's templates prepare again for every call); a submit ran five
 * statements, and compiling them was an eighth of the server's CPU in the submit benchmark. PostgreSQL's driver keeps
 * server-side prepared statements by itself; SQLite's does not, so {@link SqliteConnections} keeps them here.
 *
 * <p>A statement handed out is in use until its handle is closed: then its result set is closed (which resets the
 * statement, so no read snapshot stays open), its parameters and batch are cleared, and it waits for the same SQL
 * again. The same SQL prepared while its statement is in use gets a statement of its own, not cached. A statement
 * whose settings were changed ({@code setMaxRows}, {@code setQueryTimeout}, ...) or on which a call failed is closed
 * instead of kept. At most {@code capacity} statements are kept, the least recently used closed first.
 */
final class SqliteStatements {

    /** Statement settings that outlive one use; a statement whose settings were changed is not reused. */
    private static final Set<String> SETTINGS = Set.of("setMaxRows", "setLargeMaxRows", "setFetchSize",
            "setFetchDirection", "setQueryTimeout", "setEscapeProcessing", "setCursorName", "setPoolable",
            "closeOnCompletion");

    private final Connection connection;
    private final int capacity;
    private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>(32, 0.75f, true);

    SqliteStatements(Connection connection, int capacity) {
        this.connection = connection;
        this.capacity = capacity;
    }

    /** A statement for {@code sql}: the kept one when it is free, otherwise a new one (kept when there was none). */
    PreparedStatement prepare(Connection owner, String sql) throws SQLException {
        synchronized (this) {
            Entry kept = entries.get(sql);
            if (kept != null) {
                if (!kept.inUse) {
                    kept.inUse = true;
                    return kept.handle(owner);
                }
                return connection.prepareStatement(sql); // the kept one is busy (a nested use): one of its own
            }
        }
        Entry entry = new Entry(sql, connection.prepareStatement(sql));
        entry.inUse = true;
        List<Entry> evicted = new ArrayList<>();
        synchronized (this) {
            Entry before = entries.put(sql, entry);
            if (before != null) { // cannot happen on a connection used by one thread at a time; keep the invariant
                before.evicted = true;
                if (!before.inUse) {
                    evicted.add(before);
                }
            }
            Iterator<Entry> oldest = entries.values().iterator();
            while (entries.size() > capacity && oldest.hasNext()) {
                Entry e = oldest.next();
                oldest.remove();
                e.evicted = true;
                if (!e.inUse) {
                    evicted.add(e);
                }
            }
        }
        evicted.forEach(Entry::closeQuietly);
        return entry.handle(owner);
    }

    /** Closes every kept statement; the connection is being closed. */
    void closeAll() {
        List<Entry> all;
        synchronized (this) {
            all = new ArrayList<>(entries.values());
            entries.clear();
        }
        for (Entry e : all) {
            e.evicted = true;
            e.closeQuietly();
        }
    }

    private void release(Entry entry, ResultSet open, boolean reusable) {
        boolean keep = reusable && !entry.evicted;
        if (keep) {
            try {
                if (open != null && !open.isClosed()) {
                    open.close(); // resets the statement: no read snapshot stays open in autocommit mode
                }
                entry.statement.clearParameters();
                entry.statement.clearBatch();
            } catch (SQLException | RuntimeException e) {
                keep = false;
            }
        }
        synchronized (this) {
            if (keep) {
                entry.inUse = false;
                return;
            }
            entries.remove(entry.sql, entry);
            entry.evicted = true;
        }
        entry.closeQuietly();
    }

    private final class Entry {
        final String sql;
        final PreparedStatement statement;
        boolean inUse;
        boolean evicted;

        Entry(String sql, PreparedStatement statement) {
            this.sql = sql;
            this.statement = statement;
        }

        void closeQuietly() {
            try {
                statement.close();
            } catch (SQLException | RuntimeException ignored) {
                // the connection may be closing already; the statement goes with it
            }
        }

        /** One use of the statement: closing the handle gives the statement back, once. */
        PreparedStatement handle(Connection owner) {
            boolean[] closed = {false};
            boolean[] reusable = {true};
            ResultSet[] open = {null};
            return (PreparedStatement) Proxy.newProxyInstance(SqliteStatements.class.getClassLoader(),
                    new Class<?>[] {PreparedStatement.class}, (proxy, method, args) -> {
                        String name = method.getName();
                        switch (name) {
                            case "close" -> {
                                if (!closed[0]) {
                                    closed[0] = true;
                                    release(this, open[0], reusable[0]);
                                }
                                return null;
                            }
                            case "isClosed" -> {
                                return closed[0] || statement.isClosed();
                            }
                            case "getConnection" -> {
                                return owner;
                            }
                            default -> {
                                Object own = SqliteConnections.ownAnswer(proxy, name, args,
                                        () -> "SqliteStatements(" + statement + ")");
                                if (own != SqliteConnections.DELEGATE) {
                                    return own;
                                }
                            }
                        }
                        if (closed[0]) {
                            throw new SQLException("The statement is closed");
                        }
                        if (SETTINGS.contains(name)) {
                            reusable[0] = false;
                        }
                        Object result;
                        try {
                            result = method.invoke(statement, args);
                        } catch (InvocationTargetException e) {
                            reusable[0] = false;
                            throw e.getCause();
                        }
                        if (result instanceof ResultSet rs && ("executeQuery".equals(name)
                                || "getResultSet".equals(name))) {
                            open[0] = rs;
                        }
                        return result;
                    });
        }
    }
}
