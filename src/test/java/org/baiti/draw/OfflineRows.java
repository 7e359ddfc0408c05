package org.baiti.draw;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Offline results written straight into {@code offline_result} (V20), as the offline import would leave them: the
 * draw tests need a pool, and the offline import is another module's work.
 */
final class OfflineRows {

    static final String[] SURNAMES = {"张", "王", "李", "赵", "刘", "陈", "杨", "黄", "欧阳", "司马"};
    static final String[] GIVEN = {"伟", "芳", "秀英", "敏", "静", "丽", "强", "磊", "军", "洋"};
    /** Unit codes of {@code Fixtures.units()}, with their top-level units. */
    static final String[][] UNITS = {{"U1", "U1"}, {"U1-1", "U1"}, {"U1-1-1", "U1"}, {"U2", "U2"}, {"U2-1", "U2"}};

    /** One row of the offline results. */
    record Row(String ticket, String name, String phone, String unitCode, String topCode, boolean perfect) {
    }

    private OfflineRows() {
    }

    /** {@code count} rows with tickets {@code prefix00001..}; every {@code perfectEvery}-th one is not perfect. */
    static List<Row> rows(String prefix, int count, int imperfectEvery) {
        List<Row> out = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            String[] unit = UNITS[i % UNITS.length];
            out.add(new Row(prefix + String.format("%05d", i),
                    SURNAMES[i % SURNAMES.length] + GIVEN[(i / 7) % GIVEN.length] + (i % 3 == 0 ? "华" : ""),
                    "139" + String.format("%08d", 10_000_000 + i * 37), unit[0], unit[1],
                    imperfectEvery <= 0 || i % imperfectEvery != 0));
        }
        return out;
    }

    /** Inserts the rows in one transaction (row by row in autocommit would cost one fsync each on SQLite). */
    static void insert(JdbcTemplate jdbc, long contestId, List<Row> rows) {
        jdbc.execute((ConnectionCallback<Void>) con -> {
            boolean autoCommit = con.getAutoCommit();
            con.setAutoCommit(false);
            try (PreparedStatement ps = con.prepareStatement("""
                    INSERT INTO offline_result (contest_id, ticket, name, phone, unit_code, top_code, score, max_score,
                        accuracy, perfect, venue, answers, import_id, row_no)
                    VALUES (?, ?, ?, ?, ?, ?, ?, 100, ?, ?, '第一考场', NULL, 1, ?)
                    """)) {
                int rowNo = 1;
                for (Row r : rows) {
                    ps.setLong(1, contestId);
                    ps.setString(2, r.ticket());
                    ps.setString(3, r.name());
                    ps.setString(4, r.phone());
                    ps.setString(5, r.unitCode());
                    ps.setString(6, r.topCode());
                    ps.setInt(7, r.perfect() ? 100 : 90);
                    ps.setDouble(8, r.perfect() ? 1.0 : 0.9);
                    ps.setInt(9, r.perfect() ? 1 : 0);
                    ps.setInt(10, ++rowNo);
                    ps.addBatch();
                }
                ps.executeBatch();
                con.commit();
            } catch (SQLException e) {
                con.rollback();
                throw e;
            } finally {
                con.setAutoCommit(autoCommit);
            }
            return null;
        });
    }

    static List<String> perfectTickets(List<Row> rows) {
        return rows.stream().filter(Row::perfect).map(Row::ticket).toList();
    }
}
