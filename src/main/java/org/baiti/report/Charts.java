package org.baiti.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.baiti.contest.Contest;
import org.baiti.contest.Contesting;
import org.baiti.offline.OfflineResults;
import org.baiti.online.AttemptFigures;
import org.baiti.ranking.RankingFigures;
import org.springframework.stereotype.Component;

/**
 * Series for the dashboard: score distribution per channel and submissions over the online window, from the counts
 * the owners ({@code ranking}, {@code offline}, {@code online}) compute in the database.
 */
@Component
class Charts {

    private final Contesting contesting;
    private final RankingFigures ranking;
    private final OfflineResults offline;
    private final AttemptFigures attempts;

    Charts(Contesting contesting, RankingFigures ranking, OfflineResults offline, AttemptFigures attempts) {
        this.contesting = contesting;
        this.ranking = ranking;
        this.offline = offline;
        this.attempts = attempts;
    }

    Map<String, Object> of(long contestId) {
        Contest c = contesting.get(contestId);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("accuracyBuckets", buckets());
        out.put("online", histogram(ranking.countsByAccuracy(contestId)));
        out.put("offline", histogram(offline.countsByAccuracy(contestId)));
        // Submissions per interval of the online window (about 48 intervals, at least one minute each).
        long from = c.opensAt().toEpochMilli();
        long to = c.closesAt().toEpochMilli();
        long step = Math.max(60_000, (to - from) / 48);
        int n = (int) Math.min(10_000, (to - from + step - 1) / step);
        long[] counts = new long[Math.max(n, 1)];
        attempts.submissionsByInterval(contestId, from, step).forEach((interval, submissions) -> {
            int i = (int) (long) interval;
            if (i >= 0 && i < counts.length) {
                counts[i] += submissions;
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

    private static long[] histogram(Map<Double, Long> countsByAccuracy) {
        long[] h = new long[11];
        countsByAccuracy.forEach((a, n) -> h[a >= 1 ? 10 : Math.min(9, (int) Math.floor(a * 10))] += n);
        return h;
    }
}
