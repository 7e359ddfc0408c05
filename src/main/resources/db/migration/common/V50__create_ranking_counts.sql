-- Counts kept beside the online ranking (SPEC §4) so that "my rank" costs a few index lookups however many people
-- are ranked, instead of counting every entry before one's own. JdbcRankingEntries changes them in the same
-- transaction as ranking_entry. With a = accuracy, d = time used (ms) and s = d / 1000 (whole seconds):
--   rank = 1 + entries with accuracy > a                                  (ranking_count_by_accuracy)
--            + entries with accuracy = a and a whole second below s        (ranking_count_by_second)
--            + entries with accuracy = a, second s, that rank before       (ranking_order, a short index range)
CREATE TABLE ranking_count_by_accuracy (
    contest_id BIGINT NOT NULL REFERENCES contest (id),
    accuracy   DOUBLE PRECISION NOT NULL,
    entries    BIGINT NOT NULL,
    PRIMARY KEY (contest_id, accuracy)
);

CREATE TABLE ranking_count_by_second (
    contest_id BIGINT NOT NULL REFERENCES contest (id),
    accuracy   DOUBLE PRECISION NOT NULL,
    duration_s BIGINT NOT NULL,
    entries    BIGINT NOT NULL,
    PRIMARY KEY (contest_id, accuracy, duration_s)
);

INSERT INTO ranking_count_by_accuracy (contest_id, accuracy, entries)
SELECT contest_id, accuracy, COUNT(*) FROM ranking_entry GROUP BY contest_id, accuracy;

INSERT INTO ranking_count_by_second (contest_id, accuracy, duration_s, entries)
SELECT contest_id, accuracy, duration_ms / 1000, COUNT(*) FROM ranking_entry
GROUP BY contest_id, accuracy, duration_ms / 1000;
