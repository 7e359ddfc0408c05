-- A coarser level of the counts of V50, so that "my rank" sums at most one row per minute of the time limit and one
-- per second of a single minute, instead of one per second of the whole time limit (3,600 rows for an hour). With
-- a = accuracy, d = time used (ms), s = d / 1000 and m = d / 60000 (whole seconds, whole minutes):
--   rank = 1 + entries with accuracy > a                                     (ranking_count_by_accuracy)
--            + entries with accuracy = a and a whole minute below m           (ranking_count_by_minute)
--            + entries with accuracy = a, minute m and a whole second below s (ranking_count_by_second)
--            + entries with accuracy = a, second s, that rank before          (ranking_order, a short index range)
-- JdbcRankingEntries changes it in the same transaction as the other counts.
CREATE TABLE ranking_count_by_minute (
    contest_id BIGINT NOT NULL REFERENCES contest (id),
    accuracy   DOUBLE PRECISION NOT NULL,
    duration_m BIGINT NOT NULL,
    entries    BIGINT NOT NULL,
    PRIMARY KEY (contest_id, accuracy, duration_m)
);

INSERT INTO ranking_count_by_minute (contest_id, accuracy, duration_m, entries)
SELECT contest_id, accuracy, duration_ms / 60000, COUNT(*) FROM ranking_entry
GROUP BY contest_id, accuracy, duration_ms / 60000;
