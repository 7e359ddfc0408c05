-- Attempts of a contest per client address, kept as they are stored (issue 8). The many-attempts signal compares
-- this number with its threshold at every start; counting the address's attempt rows instead took longer as the
-- contest grew, and on PostgreSQL, before the table's first ANALYZE, the planner read the whole index range of the
-- address (every start of a school behind one address read all its earlier attempts). Portable SQL.
CREATE TABLE attempt_address_count (
    contest_id BIGINT NOT NULL,
    client_ip  TEXT   NOT NULL,
    attempts   BIGINT NOT NULL,
    PRIMARY KEY (contest_id, client_ip)
);

INSERT INTO attempt_address_count (contest_id, client_ip, attempts)
SELECT contest_id, client_ip, COUNT(*) FROM attempt WHERE client_ip IS NOT NULL GROUP BY contest_id, client_ip;

-- nothing else looks attempts up by address
DROP INDEX attempt_by_client_ip;
