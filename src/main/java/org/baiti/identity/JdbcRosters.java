package org.baiti.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcRosters implements Rosters {

    private static final int CHUNK = 500;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    JdbcRosters(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    @Override
    public Optional<RosterEntry> find(long contestId, String phone) {
        return jdbc.sql("SELECT * FROM roster_entry WHERE contest_id = ? AND phone = ?").params(contestId, phone)
                .query(JdbcRosters::row).optional();
    }

    @Override
    public Map<String, RosterEntry> byPhones(long contestId, Collection<String> phones) {
        Map<String, RosterEntry> out = new HashMap<>();
        List<String> all = new ArrayList<>(phones);
        for (int i = 0; i < all.size(); i += CHUNK) {
            List<String> chunk = all.subList(i, Math.min(all.size(), i + CHUNK));
            String marks = String.join(", ", java.util.Collections.nCopies(chunk.size(), "?"));
            List<Object> params = new ArrayList<>();
            params.add(contestId);
            params.addAll(chunk);
            jdbc.sql("SELECT * FROM roster_entry WHERE contest_id = ? AND phone IN (" + marks + ")").params(params)
                    .query(JdbcRosters::row).list().forEach(e -> out.put(e.phone(), e));
        }
        return out;
    }

    @Override
    public List<RosterEntry> all(long contestId) {
        return jdbc.sql("SELECT * FROM roster_entry WHERE contest_id = ? ORDER BY unit_code, row_no").param(contestId)
                .query(JdbcRosters::row).list();
    }

    @Override
    public void upsert(List<RosterEntry> added, List<RosterEntry> changed) {
        template.batchUpdate("INSERT INTO roster_entry (contest_id, phone, name, unit_code, row_no) VALUES (?, ?, ?, ?, ?)",
                added, 500, (ps, e) -> {
                    ps.setLong(1, e.contestId());
                    ps.setString(2, e.phone());
                    ps.setString(3, e.name());
                    ps.setString(4, e.unitCode());
                    ps.setInt(5, e.rowNo());
                });
        template.batchUpdate("UPDATE roster_entry SET name = ?, unit_code = ?, row_no = ? WHERE contest_id = ? AND phone = ?",
                changed, 500, (ps, e) -> {
                    ps.setString(1, e.name());
                    ps.setString(2, e.unitCode());
                    ps.setInt(3, e.rowNo());
                    ps.setLong(4, e.contestId());
                    ps.setString(5, e.phone());
                });
    }

    private static RosterEntry row(ResultSet rs, int n) throws SQLException {
        return new RosterEntry(rs.getLong("contest_id"), rs.getString("phone"), rs.getString("name"),
                rs.getString("unit_code"), rs.getInt("row_no"));
    }
}
