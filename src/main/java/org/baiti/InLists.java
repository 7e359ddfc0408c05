package org.baiti;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Values for a statement's {@code IN (:list)}, split so that no statement binds more than {@value #SIZE} of them (well
 * under SQLite's 32,766 and PostgreSQL's 65,535 parameters, and a plan that stays an index look-up per value).
 */
public final class InLists {

    /** Values per statement. */
    public static final int SIZE = 500;

    private InLists() {
    }

    /** The values in order, in lists of at most {@value #SIZE}; none for no values. */
    public static <T> List<List<T>> of(Collection<T> values) {
        List<T> all = List.copyOf(values);
        List<List<T>> out = new ArrayList<>((all.size() + SIZE - 1) / SIZE);
        for (int from = 0; from < all.size(); from += SIZE) {
            out.add(all.subList(from, Math.min(all.size(), from + SIZE)));
        }
        return out;
    }
}
