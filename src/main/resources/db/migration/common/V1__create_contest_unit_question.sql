-- Portable SQL for SQLite and PostgreSQL. Ids are made by the application (org.baiti.Ids);
-- instants are epoch milliseconds (BIGINT); flags are INTEGER 0/1.

CREATE TABLE contest (
    id                  BIGINT PRIMARY KEY,
    name                TEXT NOT NULL,
    questions_per_paper INTEGER NOT NULL,
    time_limit_seconds  INTEGER NOT NULL,
    opens_at            BIGINT NOT NULL,
    closes_at           BIGINT NOT NULL,
    online_quota        INTEGER NOT NULL,
    draw_quota          INTEGER NOT NULL,
    org_quota           INTEGER NOT NULL,
    paper_mode          TEXT NOT NULL DEFAULT 'FIXED',
    attempts_allowed    INTEGER NOT NULL DEFAULT 1,
    partial_credit      INTEGER NOT NULL DEFAULT 0,
    w_rate              DOUBLE PRECISION NOT NULL DEFAULT 0.4,
    w_accuracy          DOUBLE PRECISION NOT NULL DEFAULT 0.4,
    w_attention         DOUBLE PRECISION NOT NULL DEFAULT 0.2,
    frozen_at           BIGINT,
    created_at          BIGINT NOT NULL
);

CREATE TABLE unit (
    contest_id  BIGINT NOT NULL REFERENCES contest (id),
    code        TEXT NOT NULL,
    name        TEXT NOT NULL,
    parent_code TEXT,
    top_code    TEXT NOT NULL,
    depth       INTEGER NOT NULL,
    headcount   INTEGER,
    attention   INTEGER,
    seq         INTEGER NOT NULL,
    PRIMARY KEY (contest_id, code)
);

CREATE INDEX unit_by_top ON unit (contest_id, top_code);

-- Options are a JSON array of texts; the key is the sorted set of option letters
-- (true/false questions have the options 对, 错 and the key A or B).
CREATE TABLE question (
    contest_id  BIGINT NOT NULL REFERENCES contest (id),
    qkey        TEXT NOT NULL,
    seq         INTEGER NOT NULL,
    type        TEXT NOT NULL,
    stem        TEXT NOT NULL,
    options     TEXT NOT NULL,
    answer      TEXT NOT NULL,
    points      INTEGER NOT NULL,
    category    TEXT,
    explanation TEXT,
    PRIMARY KEY (contest_id, qkey)
);

CREATE INDEX question_by_seq ON question (contest_id, seq);

-- What was imported, by whom, with how many rows (bank, units, offline results).
CREATE TABLE import_log (
    id          BIGINT PRIMARY KEY,
    contest_id  BIGINT NOT NULL REFERENCES contest (id),
    kind        TEXT NOT NULL,
    file_name   TEXT NOT NULL,
    file_sha256 TEXT NOT NULL,
    rows_total  INTEGER NOT NULL,
    rows_added  INTEGER NOT NULL,
    rows_changed INTEGER NOT NULL,
    imported_by TEXT NOT NULL,
    imported_at BIGINT NOT NULL
);

CREATE INDEX import_log_by_contest ON import_log (contest_id, imported_at);
