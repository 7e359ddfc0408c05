package org.baiti.ranking;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The order of counted online attempts (SPEC §4), plain Java: accuracy higher first, then time used
 * (server-measured milliseconds) lower first, then submission time earlier first, then participant key
 * ascending. The order is total: two different participants never compare equal.
 *
 * <p>The SQL forms of the order are derived here, from {@link SqlColumn} (the columns of {@code ranking_entry} in
 * the order {@link #compare} looks at them, the same as the index {@code ranking_order} of V10): {@link #sqlOrderBy}
 * and {@link #sqlBefore}. {@code RankingSqlProperties} checks them against this comparator on both databases.
 */
public final class RankingOrder implements Comparator<RankingOrder.Key> {

    /** The comparator; {@code compare(a, b) < 0} means a ranks before b. */
    public static final RankingOrder INSTANCE = new RankingOrder();

    /** What the order looks at. {@code submittedAtMs} is epoch milliseconds; {@code participant} the normalized phone. */
    public record Key(double accuracy, long durationMs, long submittedAtMs, String participant) {
        public Key {
            Objects.requireNonNull(participant, "participant");
            if (Double.isNaN(accuracy)) {
                throw new IllegalArgumentException("accuracy is NaN");
            }
        }
    }

    /**
     * The SQL image of {@link Key}: the columns of {@code ranking_entry} in the order {@link #compare} looks at them,
     * and whether the higher value ranks first (the accuracy only).
     */
    enum SqlColumn {
        ACCURACY("accuracy", true), DURATION("duration_ms", false), SUBMITTED_AT("submitted_at", false),
        PARTICIPANT("phone", false);

        final String name;
        final boolean higherFirst;

        SqlColumn(String name, boolean higherFirst) {
            this.name = name;
            this.higherFirst = higherFirst;
        }
    }

    /** The SQL image of this comparator for rows of {@code ranking_entry} named {@code alias}. */
    public static String sqlOrderBy(String alias) {
        StringBuilder sql = new StringBuilder("ORDER BY ");
        for (SqlColumn c : SqlColumn.values()) {
            sql.append(c.ordinal() == 0 ? "" : ", ").append(alias).append('.').append(c.name)
                    .append(c.higherFirst ? " DESC" : "");
        }
        return sql.toString();
    }

    /**
     * The SQL image of {@code compare(row, other) < 0} when the columns before {@code from} are known to be equal: a
     * condition on the row {@code alias} against {@code other}, one SQL expression per column of {@link SqlColumn}
     * (an alias's column or a parameter). {@code from} = {@link SqlColumn#ACCURACY} is the whole comparison.
     */
    static String sqlBefore(String alias, SqlColumn from, List<String> other) {
        String column = alias + "." + from.name;
        String value = other.get(from.ordinal());
        String strictly = column + (from.higherFirst ? " > " : " < ") + value;
        if (from.ordinal() == SqlColumn.values().length - 1) {
            return strictly;
        }
        return "(" + strictly + " OR (" + column + " = " + value + " AND "
                + sqlBefore(alias, SqlColumn.values()[from.ordinal() + 1], other) + "))";
    }

    private RankingOrder() {
    }

    @Override
    public int compare(Key a, Key b) {
        // Adding 0.0 turns -0.0 into 0.0, so the two zeros rank alike, as they do in SQL.
        int c = Double.compare(b.accuracy() + 0.0, a.accuracy() + 0.0);
        if (c != 0) {
            return c;
        }
        c = Long.compare(a.durationMs(), b.durationMs());
        if (c != 0) {
            return c;
        }
        c = Long.compare(a.submittedAtMs(), b.submittedAtMs());
        if (c != 0) {
            return c;
        }
        return a.participant().compareTo(b.participant());
    }

    /** Whether {@code candidate} ranks strictly before {@code current}: the rule for keeping the best attempt. */
    public static boolean better(Key candidate, Key current) {
        return INSTANCE.compare(candidate, current) < 0;
    }
}
