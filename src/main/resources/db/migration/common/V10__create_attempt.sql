-- The online channel (SPEC §3, §4). Portable SQL for SQLite and PostgreSQL; instants are epoch milliseconds.

-- One row per paper issued. The id is unguessable (org.baiti.Ids.token()); the bearer token is never stored,
-- only its SHA-256. UNIQUE (contest_id, phone, attempt_no) makes the database itself refuse more attempts by
-- one person (same normalized phone) than the contest allows, even when two starts race.
CREATE TABLE attempt (
    id           TEXT PRIMARY KEY,
    contest_id   BIGINT NOT NULL REFERENCES contest (id),
    phone        TEXT NOT NULL,
    name         TEXT NOT NULL,
    unit_code    TEXT NOT NULL,
    top_code     TEXT NOT NULL,
    attempt_no   INTEGER NOT NULL,
    token_hash   TEXT NOT NULL,
    -- JSON: the question keys in display order, each with its per-attempt option ids and the letters they stand for
    paper        TEXT NOT NULL,
    issued_at    BIGINT NOT NULL,
    expires_at   BIGINT NOT NULL,
    submitted_at BIGINT,
    duration_ms  BIGINT,
    score        INTEGER,
    max_score    INTEGER,
    accuracy     DOUBLE PRECISION,
    late         INTEGER,
    -- JSON: question key -> the letters chosen
    answers      TEXT,
    client_ip    TEXT,
    UNIQUE (contest_id, phone, attempt_no)
);

CREATE INDEX attempt_by_submission ON attempt (contest_id, submitted_at);
CREATE INDEX attempt_by_top ON attempt (contest_id, top_code);

-- Each person's counted attempt (SPEC §4): the first submitted one, or the best one when a contest allows
-- several. Late submissions never enter. The index matches the ranking ORDER BY exactly.
CREATE TABLE ranking_entry (
    contest_id   BIGINT NOT NULL REFERENCES contest (id),
    phone        TEXT NOT NULL,
    attempt_id   TEXT NOT NULL,
    name         TEXT NOT NULL,
    unit_code    TEXT NOT NULL,
    top_code     TEXT NOT NULL,
    accuracy     DOUBLE PRECISION NOT NULL,
    duration_ms  BIGINT NOT NULL,
    submitted_at BIGINT NOT NULL,
    PRIMARY KEY (contest_id, phone)
);

CREATE INDEX ranking_order ON ranking_entry (contest_id, accuracy DESC, duration_ms, submitted_at, phone);
