package org.baiti;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.baiti.testing.SqliteApp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.sqlite.jdbc4.JDBC4PreparedStatement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On SQLite both pools keep their connections' prepared statements (DBCP2 {@code poolPreparedStatements}): the same
 * SQL on a connection runs the statement compiled the first time, with fresh parameters. A statement given back to
 * the pool is reset, so it holds no read snapshot that would keep a checkpoint from finishing or show a later
 * transaction on its connection an old state of the database.
 */
class SqliteStatementsTest extends SqliteApp {

    private static final String COUNT = "SELECT COUNT(*) FROM st_probe WHERE k = ?";

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @BeforeEach
    void table() {
        jdbc.execute("CREATE TABLE IF NOT EXISTS st_probe (k TEXT PRIMARY KEY)");
        jdbc.update("INSERT OR IGNORE INTO st_probe (k) VALUES ('a'), ('b'), ('c')");
    }

    private TransactionTemplate transaction(boolean readOnly) {
        TransactionTemplate t = new TransactionTemplate(transactions);
        t.setReadOnly(readOnly);
        return t;
    }

    /** Prepares {@code sql} on the transaction's connection, runs it with {@code key}: the driver's statement. */
    private Object[] countOnce(String key) throws SQLException {
        Connection c = DataSourceUtils.getConnection(dataSource);
        try (PreparedStatement ps = c.prepareStatement(COUNT)) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new Object[] {ps.unwrap(JDBC4PreparedStatement.class), rs.getInt(1)};
            }
        } finally {
            DataSourceUtils.releaseConnection(c, dataSource);
        }
    }

    private void theSameSqlRunsTheStatementCompiledBefore(boolean readOnly) {
        transaction(readOnly).executeWithoutResult(s -> {
            try {
                Object[] first = countOnce("a");
                Object[] second = countOnce("nope");
                assertThat(second[0]).as("the driver's statement of the first use").isSameAs(first[0]);
                assertThat(first[1]).isEqualTo(1);
                assertThat(second[1]).as("with the parameter of the second use").isEqualTo(0);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Test
    void theWritePoolRunsTheSameSqlWithTheStatementCompiledBefore() {
        theSameSqlRunsTheStatementCompiledBefore(false);
    }

    @Test
    void theReadPoolRunsTheSameSqlWithTheStatementCompiledBefore() {
        theSameSqlRunsTheStatementCompiledBefore(true);
    }

    /**
     * {@code PRAGMA wal_checkpoint(TRUNCATE)} on a connection of its own that does not wait: 0 when it could copy the
     * whole log into the database and empty it, 1 when a reader still holds a snapshot in the log. A snapshot held by
     * a pooled statement never goes away, so a second try tells it from a read of the application passing by.
     */
    private int checkpointBlocked() throws Exception {
        int busy = 1;
        for (int attempt = 0; attempt < 3 && busy != 0; attempt++) {
            if (attempt > 0) {
                Thread.sleep(200);
            }
            try (Connection c = DriverManager.getConnection(jdbcUrl()); Statement s = c.createStatement()) {
                s.execute("PRAGMA busy_timeout = 0");
                try (ResultSet rs = s.executeQuery("PRAGMA wal_checkpoint(TRUNCATE)")) {
                    rs.next();
                    busy = rs.getInt(1);
                }
            }
        }
        return busy;
    }

    /** Reads one row of several and gives the connection back with the statement and its result set left open. */
    private void halfReadAndLeftOpen() throws SQLException {
        Connection c = DataSourceUtils.getConnection(dataSource);
        PreparedStatement ps = c.prepareStatement("SELECT k FROM st_probe ORDER BY k");
        ResultSet rs = ps.executeQuery();
        assertThat(rs.next()).isTrue();
        DataSourceUtils.releaseConnection(c, dataSource);
    }

    @Test
    void theCheckpointProbeSeesAReaderThatHoldsASnapshot() throws Exception {
        jdbc.update("INSERT OR REPLACE INTO st_probe (k) VALUES ('probe')"); // something in the log
        try (Connection reader = DriverManager.getConnection(jdbcUrl()); Statement s = reader.createStatement();
                ResultSet rs = s.executeQuery("SELECT k FROM st_probe")) {
            assertThat(rs.next()).isTrue();
            jdbc.update("INSERT OR REPLACE INTO st_probe (k) VALUES ('after')");
            assertThat(checkpointBlocked()).as("a statement stepped and not reset holds its snapshot").isEqualTo(1);
        }
        assertThat(checkpointBlocked()).isZero();
    }

    @Test
    void aStatementGivenBackHalfReadHoldsNoSnapshot() throws Exception {
        for (boolean readOnly : new boolean[] {false, true}) {
            jdbc.update("INSERT OR REPLACE INTO st_probe (k) VALUES ('before')");
            transaction(readOnly).executeWithoutResult(s -> {
                try {
                    halfReadAndLeftOpen();
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            jdbc.update("INSERT OR REPLACE INTO st_probe (k) VALUES ('after-" + readOnly + "')");
            assertThat(checkpointBlocked()).as("read-only " + readOnly).isZero();
            // the next transaction on the pool (LIFO: the same connection) sees the row written since
            Integer seen = transaction(readOnly).execute(
                    s -> jdbc.queryForObject(COUNT, Integer.class, "after-" + readOnly));
            assertThat(seen).as("read-only " + readOnly).isEqualTo(1);
        }
    }

    @Test
    void aStatementGivenBackHalfReadOutsideATransactionHoldsNoSnapshot() throws Exception {
        halfReadAndLeftOpen();
        jdbc.update("INSERT OR REPLACE INTO st_probe (k) VALUES ('after-plain')");
        assertThat(checkpointBlocked()).isZero();
    }
}
