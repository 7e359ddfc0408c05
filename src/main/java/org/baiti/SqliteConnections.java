package org.baiti;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.function.Supplier;

import org.springframework.jdbc.datasource.AbstractDataSource;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteConnection;
import org.sqlite.SQLiteConnectionConfig;

/**
 * SQLite connections on which a read-only transaction is a read transaction. Write transactions begin
 * {@code IMMEDIATE} (the URL's {@code transaction_mode}), taking the write lock at once so that two of them never
 * deadlock; but sqlite-jdbc begins every transaction that way, and cannot mark a connection read-only, so each
 * {@code @Transactional(readOnly = true)} read took the database's single write lock and queued behind the writer.
 * Here {@code setReadOnly(true)} — what Spring calls before a read-only transaction — makes the connection begin
 * {@code DEFERRED} instead: in WAL mode such a transaction reads a snapshot, beside the writer, without a lock.
 * Their prepared statements are kept for the next use of the same SQL ({@link SqliteStatements}).
 */
final class SqliteConnections extends AbstractDataSource {

    /** Prepared statements kept per connection (see {@link SqliteStatements}); Baiti runs fewer distinct ones. */
    static final int STATEMENTS_KEPT = 200;

    private final String url;

    SqliteConnections(String url) {
        this.url = url;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return wrap(DriverManager.getConnection(url));
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return getConnection();
    }

    static Connection wrap(Connection connection) throws SQLException {
        SQLiteConnection sqlite = connection.unwrap(SQLiteConnection.class);
        // the mode the next BEGIN uses (getCurrentTransactionMode only records the mode of the open transaction)
        SQLiteConnectionConfig config = sqlite.getConnectionConfig();
        SQLiteConfig.TransactionMode writing = config.getTransactionMode();
        boolean[] readOnly = {false};
        SqliteStatements statements = new SqliteStatements(connection, STATEMENTS_KEPT);
        return (Connection) Proxy.newProxyInstance(SqliteConnections.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "setReadOnly" -> {
                            readOnly[0] = (Boolean) args[0];
                            config.setTransactionMode(readOnly[0] ? SQLiteConfig.TransactionMode.DEFERRED : writing);
                            return null;
                        }
                        case "isReadOnly" -> {
                            return readOnly[0];
                        }
                        case "prepareStatement" -> {
                            if (args.length == 1) {
                                return statements.prepare((Connection) proxy, (String) args[0]);
                            }
                        }
                        case "close" -> statements.closeAll();
                        default -> {
                            Object own = ownAnswer(proxy, method.getName(), args,
                                    () -> "SqliteConnections(" + connection + ")");
                            if (own != DELEGATE) {
                                return own;
                            }
                        }
                    }
                    try {
                        return method.invoke(connection, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    /** What {@link #ownAnswer} returns for a method the wrapped object answers. */
    static final Object DELEGATE = new Object();

    /**
     * The answers a wrapping proxy gives itself rather than the object it wraps: identity, its name, and unwrapping
     * to itself; {@link #DELEGATE} for every other call.
     */
    static Object ownAnswer(Object proxy, String method, Object[] args, Supplier<String> name) {
        return switch (method) {
            case "equals" -> proxy == args[0];
            case "hashCode" -> System.identityHashCode(proxy);
            case "toString" -> name.get();
            case "unwrap" -> ((Class<?>) args[0]).isInstance(proxy) ? proxy : DELEGATE;
            case "isWrapperFor" -> ((Class<?>) args[0]).isInstance(proxy) ? Boolean.TRUE : DELEGATE;
            default -> DELEGATE;
        };
    }
}
