-- The audit trail (docs/security.md): append-only, one row per change an account made, hash-chained.
-- seq is 1, 2, 3, ... assigned inside the inserting transaction; hash = SHA-256 of the entry's canonical text,
-- which ends with prev_hash (the previous entry's hash; 64 zeros for the first entry).
CREATE TABLE audit_entry (
    seq        BIGINT PRIMARY KEY,
    at         BIGINT NOT NULL,
    actor      TEXT NOT NULL,
    action     TEXT NOT NULL,
    contest_id BIGINT,
    subject    TEXT NOT NULL DEFAULT '',
    detail     TEXT NOT NULL DEFAULT '',
    prev_hash  TEXT NOT NULL,
    hash       TEXT NOT NULL
);

CREATE INDEX audit_entry_by_contest ON audit_entry (contest_id, seq);
CREATE INDEX audit_entry_by_action ON audit_entry (action, seq);
