CREATE TABLE account (
    username      TEXT PRIMARY KEY,
    password_hash TEXT NOT NULL,
    role          TEXT NOT NULL,
    display_name  TEXT,
    unit_contest  BIGINT,
    unit_code     TEXT,
    enabled       INTEGER NOT NULL DEFAULT 1,
    created_at    BIGINT NOT NULL
);
