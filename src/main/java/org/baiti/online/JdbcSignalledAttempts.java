package org.baiti.online;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.baiti.InLists;
import org.baiti.anticheat.SignalledAttempts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The attempts on the anti-cheat review list, read by their primary key, without their papers or answers. */
@Repository
class JdbcSignalledAttempts implements SignalledAttempts {

    private final JdbcClient jdbc;

    JdbcSignalledAttempts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<String, Summary> find(Collection<String> ids) {
        Map<String, Summary> out = new HashMap<>();
        for (List<String> chunk : InLists.of(ids)) {
            jdbc.sql("""
                    SELECT id, name, phone, unit_code, client_ip, attempt_no, issued_at, submitted_at, duration_ms, accuracy
                    FROM attempt WHERE id IN (:ids)
                    """).param("ids", chunk)
                    .query(rs -> {
                        long submitted = rs.getLong("submitted_at");
                        Instant submittedAt = rs.wasNull() ? null : Instant.ofEpochMilli(submitted);
                        long duration = rs.getLong("duration_ms");
                        Long durationMs = rs.wasNull() ? null : duration;
                        double accuracy = rs.getDouble("accuracy");
                        Double acc = rs.wasNull() ? null : accuracy;
                        String id = rs.getString("id");
                        out.put(id, new Summary(id, rs.getString("name"), rs.getString("phone"), rs.getString("unit_code"),
                                rs.getString("client_ip"), rs.getInt("attempt_no"),
                                Instant.ofEpochMilli(rs.getLong("issued_at")), submittedAt, durationMs, acc));
                    });
        }
        return out;
    }
}
