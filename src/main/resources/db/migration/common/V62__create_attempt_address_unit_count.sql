-- Attempts of a contest per client address AND top-level unit (issue 15): the many-attempts signal compares the
-- count with the larger of its threshold and the unit's headcount, so a unit answering together behind one NAT
-- address is not flagged while it stays within the people it has. Replaces V54's count per address.
CREATE TABLE attempt_address_unit_count (
    contest_id BIGINT NOT NULL,
    client_ip  TEXT   NOT NULL,
    top_code   TEXT   NOT NULL,
    attempts   BIGINT NOT NULL,
    PRIMARY KEY (contest_id, client_ip, top_code)
);

INSERT INTO attempt_address_unit_count (contest_id, client_ip, top_code, attempts)
SELECT contest_id, client_ip, top_code, COUNT(*) FROM attempt WHERE client_ip IS NOT NULL
GROUP BY contest_id, client_ip, top_code;

DROP TABLE attempt_address_count;
