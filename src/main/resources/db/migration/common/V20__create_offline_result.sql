-- Results of the paper channel (SPEC §2.3). One row per paper; the ticket (准考证号) is the draw entry key.
CREATE TABLE offline_result (
    contest_id  BIGINT NOT NULL REFERENCES contest (id),
    ticket      TEXT NOT NULL,
    name        TEXT NOT NULL,
    phone       TEXT NOT NULL,
    unit_code   TEXT NOT NULL,
    top_code    TEXT NOT NULL,
    score       INTEGER NOT NULL,
    max_score   INTEGER NOT NULL,
    accuracy    DOUBLE PRECISION NOT NULL,
    perfect     INTEGER NOT NULL,
    venue       TEXT,
    answers     TEXT,
    import_id   BIGINT NOT NULL,
    row_no      INTEGER NOT NULL,
    PRIMARY KEY (contest_id, ticket)
);

CREATE INDEX offline_result_perfect ON offline_result (contest_id, perfect, ticket);
CREATE INDEX offline_result_by_top ON offline_result (contest_id, top_code);
CREATE INDEX offline_result_by_phone ON offline_result (contest_id, phone);
