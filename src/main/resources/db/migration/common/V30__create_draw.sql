-- Public draws (SPEC §5). A draw is committed once (pool frozen into draw_entry, digest published) and
-- sealed once (seed, D and winners written). The application never updates or deletes draw_entry rows and
-- moves a draw from COMMITTED to SEALED only with "WHERE status = 'COMMITTED'", so the record is append-only.
CREATE TABLE draw (
    id            BIGINT PRIMARY KEY,
    contest_id    BIGINT NOT NULL REFERENCES contest (id),
    name          TEXT NOT NULL,
    k             INTEGER NOT NULL,
    pool_kind     TEXT NOT NULL,
    seed_sources  TEXT NOT NULL,
    tiers         TEXT,            -- JSON [{"name", "count"}] or NULL
    pool_digest   TEXT NOT NULL,   -- hex of P
    n             INTEGER NOT NULL,
    status        TEXT NOT NULL CHECK (status IN ('COMMITTED', 'SEALED')),
    committed_at  BIGINT NOT NULL,
    committed_by  TEXT NOT NULL,
    seed          TEXT,            -- JSON array of the seed strings
    seed_digest   TEXT,            -- hex of D
    winners       TEXT,            -- JSON array of entry keys in draw order
    revealed_at   BIGINT,
    revealed_by   TEXT
);

CREATE INDEX draw_by_contest ON draw (contest_id, committed_at);

-- The pool as it was at commit: pos = index in the pool sorted by UTF-8 bytes; name masked, unit by name.
CREATE TABLE draw_entry (
    draw_id    BIGINT NOT NULL REFERENCES draw (id),
    pos        INTEGER NOT NULL,
    entry_key  TEXT NOT NULL,
    name       TEXT NOT NULL,
    unit       TEXT NOT NULL,
    PRIMARY KEY (draw_id, pos),
    UNIQUE (draw_id, entry_key)
);
