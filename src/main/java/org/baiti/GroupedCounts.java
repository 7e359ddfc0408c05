package org.baiti;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The count per unit the channels' owners (ranking, offline) give the reports alike, each over its own table of results
 * with {@code contest_id} and {@code unit_code}: the SQL stays an aggregate, one row per unit.
 */
public final class GroupedCounts {

    private GroupedCounts() {
    }

    /** Results per unit code of the contest; {@code unitCodes} null: every unit, empty: none (no query). */
    public static Map<String, Long> perUnit(JdbcClient jdbc, String table, long contestId, Collection<String> unitCodes) {
        Map<String, Long> out = new HashMap<>();
        if (unitCodes != null && unitCodes.isEmpty()) {
            return out;
        }
        JdbcClient.StatementSpec spec = jdbc.sql("SELECT unit_code, COUNT(*) FROM " + table + " WHERE contest_id = :c"
                + (unitCodes == null ? "" : " AND unit_code IN (:codes)") + " GROUP BY unit_code").param("c", contestId);
        if (unitCodes != null) {
            spec = spec.param("codes", unitCodes);
        }
        spec.query(rs -> {
            out.put(rs.getString(1), rs.getLong(2));
        });
        return out;
    }
}
