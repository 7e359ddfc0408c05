package org.baiti;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Counts per key as the channels' owners (ranking, offline) give them to the reports: the SQL stays an aggregate, one
 * row of key and count per group, read into a map here.
 */
public final class GroupedCounts {

    private GroupedCounts() {
    }

    /** Results per unit code of the contest; {@code unitCodes} null: every unit, empty: none (no query). */
    public static Map<String, Long> perUnit(JdbcClient jdbc, String table, long contestId, Collection<String> unitCodes) {
        if (unitCodes != null && unitCodes.isEmpty()) {
            return new HashMap<>();
        }
        JdbcClient.StatementSpec spec = jdbc.sql("SELECT unit_code, COUNT(*) FROM " + table + " WHERE contest_id = :c"
                + (unitCodes == null ? "" : " AND unit_code IN (:codes)") + " GROUP BY unit_code").param("c", contestId);
        if (unitCodes != null) {
            spec = spec.param("codes", unitCodes);
        }
        return of(spec, (rs, i) -> rs.getString(1));
    }

    /** The rows of a statement whose second column is a count, summed per key (the first column, as {@code key} reads it). */
    public static <K> Map<K, Long> of(JdbcClient.StatementSpec spec, RowMapper<K> key) {
        Map<K, Long> out = new HashMap<>();
        spec.query(rs -> {
            out.merge(key.mapRow(rs, 0), rs.getLong(2), Long::sum);
        });
        return out;
    }
}
