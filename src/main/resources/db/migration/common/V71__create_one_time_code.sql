-- One-time codes sent by SMS (identity.StoredOneTimeCodes), shared by every node on PostgreSQL. The phone is kept only
-- as a keyed hash (phone_key) and the code as a keyed hash of phone and code, never in clear. sent_at drives the
-- resend pause; window_start/sends_in_window the cap of codes per phone and day; tries the wrong codes since the
-- last send (a right code does not count). Rows go when they have expired for a day.
CREATE TABLE one_time_code (
    phone_key       TEXT PRIMARY KEY,
    code_hash       TEXT NOT NULL,
    sent_at         BIGINT NOT NULL,
    expires_at      BIGINT NOT NULL,
    tries           INTEGER NOT NULL,
    window_start    BIGINT NOT NULL,
    sends_in_window INTEGER NOT NULL
);

CREATE INDEX one_time_code_by_expiry ON one_time_code (expires_at);
