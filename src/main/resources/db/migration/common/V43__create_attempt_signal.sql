-- Anti-cheat signals of online attempts (docs/security.md): one row per attempt and kind (page_hidden, too_fast,
-- many_attempts_from_address). They never change a score; they put an attempt on the organizer's review list.
CREATE TABLE attempt_signal (
    attempt_id TEXT NOT NULL REFERENCES attempt (id),
    contest_id BIGINT NOT NULL,
    kind       TEXT NOT NULL,
    at         BIGINT NOT NULL,
    hits       INTEGER NOT NULL,
    detail     TEXT NOT NULL,
    PRIMARY KEY (attempt_id, kind)
);

CREATE INDEX attempt_signal_by_contest ON attempt_signal (contest_id, at);

-- Counting a contest's attempts from one address at every start needs this.
CREATE INDEX attempt_by_client_ip ON attempt (contest_id, client_ip);
