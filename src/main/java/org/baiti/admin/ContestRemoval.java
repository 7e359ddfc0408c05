package org.baiti.admin;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Repository;

/**
 * What hangs on a contest, for deleting one that never opened. The tables are found in the database's catalogue
 * (every table with a {@code contest_id} column but the audit trail, which is append-only), and emptied children
 * first by their foreign keys, so a table another feature adds later is covered without a change here.
 */
@Repository
class ContestRemoval {

    /** The audit trail keeps every entry, also of a deleted contest. */
    static final Set<String> KEPT = Set.of("audit_entry");

    private final JdbcClient jdbc;
    private final DataSource dataSource;

    ContestRemoval(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    /** Rows that mean the contest has been used: attempts, offline results, draws. */
    Map<String, Long> usage(long contestId) {
        Map<String, Long> m = new java.util.LinkedHashMap<>();
        for (String table : List.of("attempt", "offline_result", "draw")) {
            m.put(table, jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE contest_id = ?").param(contestId)
                    .query(Long.class).single());
        }
        return m;
    }

    /** Deletes the contest's rows from every table that has them (not the contest row itself); rows per table. */
    Map<String, Integer> removeRowsOf(long contestId) {
        Map<String, Integer> removed = new java.util.LinkedHashMap<>();
        for (String table : deleteOrder()) {
            int n = jdbc.sql("DELETE FROM " + table + " WHERE contest_id = ?").param(contestId).update();
            if (n > 0) {
                removed.put(table, n);
            }
        }
        return removed;
    }

    /** The tables with a contest_id column, each before any table it references. */
    List<String> deleteOrder() {
        Connection c = DataSourceUtils.getConnection(dataSource);
        try {
            DatabaseMetaData meta = c.getMetaData();
            String schema = c.getSchema();
            Set<String> tables = new LinkedHashSet<>();
            try (ResultSet rs = meta.getTables(null, schema, "%", new String[] {"TABLE"})) {
                while (rs.next()) {
                    tables.add(rs.getString("TABLE_NAME"));
                }
            }
            Set<String> withContest = new LinkedHashSet<>();
            for (String t : tables) {
                if (KEPT.contains(t.toLowerCase(Locale.ROOT)) || "contest".equalsIgnoreCase(t)) {
                    continue;
                }
                try (ResultSet rs = meta.getColumns(null, schema, t, "%")) {
                    while (rs.next()) {
                        if ("contest_id".equalsIgnoreCase(rs.getString("COLUMN_NAME"))) {
                            withContest.add(t);
                            break;
                        }
                    }
                }
            }
            // referencedBy[t]: the tables whose rows point at rows of t (they are emptied before t)
            Map<String, Set<String>> referencedBy = new HashMap<>();
            for (String t : withContest) {
                try (ResultSet rs = meta.getImportedKeys(null, schema, t)) {
                    while (rs.next()) {
                        String parent = rs.getString("PKTABLE_NAME");
                        if (parent != null && !parent.equalsIgnoreCase(t)) {
                            referencedBy.computeIfAbsent(parent.toLowerCase(Locale.ROOT), k -> new HashSet<>()).add(t);
                        }
                    }
                }
            }
            List<String> order = new ArrayList<>();
            Set<String> done = new HashSet<>();
            for (String t : withContest) {
                visit(t, withContest, referencedBy, done, order);
            }
            return order;
        } catch (SQLException e) {
            throw new IllegalStateException("reading the database catalogue: " + e.getMessage(), e);
        } finally {
            DataSourceUtils.releaseConnection(c, dataSource);
        }
    }

    private static void visit(String t, Set<String> all, Map<String, Set<String>> referencedBy, Set<String> done,
                              List<String> order) {
        if (!done.add(t)) {
            return;
        }
        for (String child : referencedBy.getOrDefault(t.toLowerCase(Locale.ROOT), Set.of())) {
            if (all.contains(child)) {
                visit(child, all, referencedBy, done, order);
            }
        }
        order.add(t);
    }
}
