package org.baiti;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.jdbc4.JDBC4PreparedStatement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The prepared statements SQLite connections keep for the next use of the same SQL (see SqliteStatements). */
class SqliteStatementsTest {

    private static final String BY_KEY = "SELECT v FROM kv WHERE k = ?";

    @TempDir
    Path dir;

    private SqliteConnections connections;

    @BeforeEach
    void database() throws SQLException {
        connections = new SqliteConnections("jdbc:sqlite:" + dir.resolve("t.db") + "?journal_mode=WAL");
        try (Connection c = connections.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE kv (k TEXT PRIMARY KEY, v INTEGER)");
            s.execute("INSERT INTO kv VALUES ('a', 1), ('b', 2), ('c', 3)");
        }
    }

    private static JDBC4PreparedStatement real(PreparedStatement ps) throws SQLException {
        return ps.unwrap(JDBC4PreparedStatement.class);
    }

    private static Integer value(PreparedStatement ps, String key) throws SQLException {
        ps.setString(1, key);
        try (ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getInt(1) : null;
        }
    }

    @Test
    void theSameSqlAgainReusesTheStatementWithFreshParameters() throws SQLException {
        try (Connection c = connections.getConnection()) {
            JDBC4PreparedStatement first;
            try (PreparedStatement ps = c.prepareStatement(BY_KEY)) {
                first = real(ps);
                assertThat(value(ps, "a")).isEqualTo(1);
            }
            try (PreparedStatement ps = c.prepareStatement(BY_KEY)) {
                assertThat(real(ps)).isSameAs(first);
                assertThat(ps.getConnection()).isSameAs(c);
                assertThat(value(ps, "c")).isEqualTo(3);
            }
            try (PreparedStatement ps = c.prepareStatement(BY_KEY)) {
                // parameters were cleared when the last use ended: executing without setting one binds NULL
                try (ResultSet rs = ps.executeQuery()) {
                    assertThat(rs.next()).isFalse();
                }
            }
        }
    }

    @Test
    void aClosedHandleCannotBeUsedAgainNorCloseTheNextUse() throws SQLException {
        try (Connection c = connections.getConnection()) {
            PreparedStatement old = c.prepareStatement(BY_KEY);
            old.close();
            assertThat(old.isClosed()).isTrue();
            assertThatThrownBy(() -> old.setString(1, "a")).isInstanceOf(SQLException.class);
            try (PreparedStatement next = c.prepareStatement(BY_KEY)) {
                old.close(); // a second close of the old handle must not give the statement back while in use
                try (PreparedStatement third = c.prepareStatement(BY_KEY)) {
                    assertThat(real(third)).isNotSameAs(real(next));
                }
                assertThat(value(next, "b")).isEqualTo(2);
            }
        }
    }

    @Test
    void theSameSqlWhileItsStatementIsInUseGetsAnotherStatement() throws SQLException {
        try (Connection c = connections.getConnection();
             PreparedStatement outer = c.prepareStatement("SELECT k FROM kv ORDER BY k")) {
            StringBuilder seen = new StringBuilder();
            try (ResultSet rs = outer.executeQuery()) {
                while (rs.next()) {
                    try (PreparedStatement inner = c.prepareStatement("SELECT k FROM kv ORDER BY k")) {
                        assertThat(real(inner)).isNotSameAs(real(outer));
                        try (ResultSet all = inner.executeQuery()) {
                            assertThat(all.next()).isTrue();
                        }
                    }
                    seen.append(rs.getString(1));
                }
            }
            assertThat(seen).hasToString("abc");
        }
    }

    /** An unfinished read gives its statement back reset: no snapshot stays open to hold up a checkpoint or hide rows. */
    @Test
    void aStatementGivenBackHoldsNoReadSnapshot() throws SQLException {
        try (Connection reader = connections.getConnection(); Connection writer = connections.getConnection()) {
            try (PreparedStatement ps = reader.prepareStatement("SELECT k FROM kv ORDER BY k");
                 ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue(); // two rows left unread
            }
            try (Statement s = writer.createStatement()) {
                s.executeUpdate("INSERT INTO kv VALUES ('d', 4)");
                try (ResultSet rs = s.executeQuery("PRAGMA wal_checkpoint(TRUNCATE)")) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getInt(1)).as("checkpoint blocked by a reader").isZero();
                }
            }
            try (PreparedStatement ps = reader.prepareStatement(BY_KEY)) {
                assertThat(value(ps, "d")).isEqualTo(4);
            }
        }
    }

    @Test
    void aStatementWhoseCallFailedOrWhoseSettingsChangedIsClosedNotKept() throws SQLException {
        try (Connection c = connections.getConnection()) {
            String insert = "INSERT INTO kv VALUES (?, ?)";
            JDBC4PreparedStatement failed;
            try (PreparedStatement ps = c.prepareStatement(insert)) {
                failed = real(ps);
                ps.setString(1, "a");
                ps.setInt(2, 9);
                assertThatThrownBy(ps::executeUpdate).isInstanceOf(SQLException.class); // duplicate key
            }
            assertThat(failed.isClosed()).isTrue();
            try (PreparedStatement ps = c.prepareStatement(insert)) {
                assertThat(real(ps)).isNotSameAs(failed);
                ps.setString(1, "e");
                ps.setInt(2, 5);
                assertThat(ps.executeUpdate()).isEqualTo(1);
            }
            JDBC4PreparedStatement limited;
            try (PreparedStatement ps = c.prepareStatement(BY_KEY)) {
                limited = real(ps);
                ps.setMaxRows(1);
            }
            assertThat(limited.isClosed()).isTrue();
        }
    }

    @Test
    void batchesAreClearedWhenAStatementIsGivenBack() throws SQLException {
        String insert = "INSERT INTO kv VALUES (?, ?)";
        try (Connection c = connections.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement(insert)) {
                ps.setString(1, "x");
                ps.setInt(2, 1);
                ps.addBatch(); // never executed
            }
            try (PreparedStatement ps = c.prepareStatement(insert)) {
                ps.setString(1, "y");
                ps.setInt(2, 2);
                ps.addBatch();
                assertThat(ps.executeBatch()).containsExactly(1);
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM kv WHERE k IN ('x', 'y')");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(1);
            }
        }
    }

    @Test
    void theLeastRecentlyUsedBeyondTheLimitAndAllOnCloseAreClosed() throws SQLException {
        JDBC4PreparedStatement oldest;
        JDBC4PreparedStatement recent;
        Connection c = connections.getConnection();
        try (PreparedStatement ps = c.prepareStatement("SELECT 0")) {
            oldest = real(ps);
        }
        for (int i = 1; i <= SqliteConnections.STATEMENTS_KEPT; i++) {
            c.prepareStatement("SELECT " + i).close();
        }
        assertThat(oldest.isClosed()).isTrue();
        try (PreparedStatement ps = c.prepareStatement("SELECT 1")) {
            recent = real(ps);
            assertThat(recent.isClosed()).isFalse();
        }
        c.close();
        assertThat(recent.isClosed()).isTrue();
    }
}
