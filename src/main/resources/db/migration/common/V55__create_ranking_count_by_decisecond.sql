-- A finer level of the counts of V50 and V53, so that the last step of "my rank" (and of the rank a submission is
-- answered with) counts the entries of one tenth of a second, not of a whole second. In a contest's opening rush
-- many people share an accuracy and a second (the benchmark's busiest: 1,500 entries, all read for each rank);
-- a tenth of that is read now. With a = accuracy, d = time used (ms), s = d / 1000, t = d / 100, m = d / 60000:
--   rank = 1 + entries with accuracy > a                                         (ranking_count_by_accuracy)
--            + entries with accuracy = a and a whole minute below m               (ranking_count_by_minute)
--            + entries with accuracy = a, minute m and a whole second below s     (ranking_count_by_second)
--            + entries with accuracy = a, second s and a whole tenth below t      (ranking_count_by_decisecond)
--            + entries with accuracy = a, tenth t, that rank before               (ranking_order, a short index range)
-- JdbcRankingEntries changes it in the same transaction as the other counts.
CREATE TABLE ranking_count_by_decisecond (
    contest_id  BIGINT NOT NULL REFERENCES contest (id),
    accuracy    DOUBLE PRECISION NOT NULL,
    duration_ds BIGINT NOT NULL,
    entries     BIGINT NOT NULL,
    PRIMARY KEY (contest_id, accuracy, duration_ds)
);

INSERT INTO ranking_count_by_decisecond (contest_id, accuracy, duration_ds, entries)
SELECT contest_id, accuracy, duration_ms / 100, COUNT(*) FROM ranking_entry
GROUP BY contest_id, accuracy, duration_ms / 100;
