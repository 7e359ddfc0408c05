package org.baiti.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.baiti.contest.Contest;
import org.baiti.contest.Contesting;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Series for the dashboard: score distribution per channel and submissions over the online window. */
@Component
class Charts {

    private final JdbcClient jdbc;
    private final Contesting contesting;

    Charts(JdbcClient jdbc, Contesting contesting) {
        this.jdbc = jdbc;
        this.contesting = contesting;
    }

    Map<String, Object> of(long contestId) {
        Contest c = contesting.get(contestId);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("accuracyBuckets", buckets());
        out.put("online", histogram("SELECT accuracy FROM ranking_entry WHERE contest_id = :c", contestId));
        out.put("offline", histogram("SELECT accuracy FROM offline_result WHERE contest_id = :c", contestId));
        // Submissions per interval of the online window (about 48 intervals, at least one minute each).
        long from = c.opensAt().toEpochMilli();
        long to = c.closesAt().toEpochMilli();
        long step = Math.max(60_000, (to - from) / 48);
        int n = (int) Math.min(10_000, (to - from + step - 1) / step);
        long[] counts = new long[Math.max(n, 1)];
        jdbc.sql("SELECT submitted_at FROM attempt WHERE contest_id = :c AND submitted_at IS NOT NULL")
                .param("c", contestId).query(rs -> {
                    int i = (int) ((rs.getLong(1) - from) / step);
                    if (i >= 0 && i < counts.length) {
                        counts[i]++;
                    }
                });
        List<String> times = new ArrayList<>();
        List<Long> values = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            times.add(java.time.Instant.ofEpochMilli(from + i * step).toString());
            values.add(counts[i]);
        }
        out.put("submissionTimes", times);
        out.put("submissions", values);
        return out;
    }

    private static List<String> buckets() {
        List<String> b = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            b.add(i * 10 + "–" + (i * 10 + 10) + "%");
        }
        b.set(9, "90–99%");
        b.add("100%");
        return b;
    }

    private long[] histogram(String sql, long contestId) {
        long[] h = new long[11];
        jdbc.sql(sql).param("c", contestId).query(rs -> {
            double a = rs.getDouble(1);
            h[a >= 1 ? 10 : Math.min(9, (int) Math.floor(a * 10))]++;
        });
        return h;
    }
}
