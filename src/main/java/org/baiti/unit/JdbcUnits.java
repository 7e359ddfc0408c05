package org.baiti.unit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.baiti.InLists;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcUnits implements Units {

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    JdbcUnits(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    @Override
    public List<Unit> all(long contestId) {
        return jdbc.sql("SELECT * FROM unit WHERE contest_id = ? ORDER BY seq").param(contestId)
                .query(JdbcUnits::row).list();
    }

    @Override
    public Optional<Unit> find(long contestId, String code) {
        return jdbc.sql("SELECT * FROM unit WHERE contest_id = ? AND code = ?").params(contestId, code)
                .query(JdbcUnits::row).optional();
    }

    @Override
    public Map<String, String> names(long contestId, Collection<String> codes) {
        Map<String, String> out = new HashMap<>();
        for (List<String> chunk : InLists.of(codes)) {
            jdbc.sql("SELECT code, name FROM unit WHERE contest_id = :c AND code IN (:codes)")
                    .param("c", contestId).param("codes", chunk)
                    .query(rs -> {
                        out.put(rs.getString("code"), rs.getString("name"));
                    });
        }
        return out;
    }

    @Override
    public List<Unit> byName(long contestId, String name) {
        return jdbc.sql("SELECT * FROM unit WHERE contest_id = ? AND name = ?").params(contestId, name)
                .query(JdbcUnits::row).list();
    }

    @Override
    public List<Unit> search(long contestId, String text, int limit) {
        String like = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return jdbc.sql("""
                SELECT * FROM unit WHERE contest_id = ?
                  AND (code LIKE ? ESCAPE '\\' OR name LIKE ? ESCAPE '\\')
                ORDER BY depth, seq LIMIT ?
                """).params(contestId, like, like, limit).query(JdbcUnits::row).list();
    }

    @Override
    public void upsert(List<Unit> added, List<Unit> changed) {
        template.batchUpdate("""
                INSERT INTO unit (contest_id, code, name, parent_code, top_code, depth, headcount, attention, seq)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, added, 500, (ps, u) -> {
            ps.setLong(1, u.contestId());
            ps.setString(2, u.code());
            ps.setString(3, u.name());
            ps.setString(4, u.parentCode());
            ps.setString(5, u.topCode());
            ps.setInt(6, u.depth());
            ps.setObject(7, u.headcount(), java.sql.Types.INTEGER);
            ps.setObject(8, u.attention(), java.sql.Types.INTEGER);
            ps.setInt(9, u.seq());
        });
        template.batchUpdate("""
                UPDATE unit SET name = ?, parent_code = ?, top_code = ?, depth = ?, headcount = ?
                WHERE contest_id = ? AND code = ?
                """, changed, 500, (ps, u) -> {
            ps.setString(1, u.name());
            ps.setString(2, u.parentCode());
            ps.setString(3, u.topCode());
            ps.setInt(4, u.depth());
            ps.setObject(5, u.headcount(), java.sql.Types.INTEGER);
            ps.setLong(6, u.contestId());
            ps.setString(7, u.code());
        });
    }

    @Override
    public boolean setAttention(long contestId, String code, int score) {
        return jdbc.sql("UPDATE unit SET attention = ? WHERE contest_id = ? AND code = ? AND parent_code IS NULL")
                .params(score, contestId, code).update() == 1;
    }

    private static Unit row(ResultSet rs, int n) throws SQLException {
        int headcount = rs.getInt("headcount");
        Integer hc = rs.wasNull() ? null : headcount;
        int attention = rs.getInt("attention");
        Integer att = rs.wasNull() ? null : attention;
        return new Unit(rs.getLong("contest_id"), rs.getString("code"), rs.getString("name"),
                rs.getString("parent_code"), rs.getString("top_code"), rs.getInt("depth"), hc, att, rs.getInt("seq"));
    }
}
