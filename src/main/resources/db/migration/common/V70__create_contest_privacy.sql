-- Personal data per contest (SPEC §8, docs/privacy.md). No row = the defaults: the notice text of the message bundles,
-- 180 days of retention after the close, consent checked only when a start says "consent": false. notice is the
-- organizer's own text (NULL = the default); purged_at is set by the last purge (phones replaced by a keyed hash).
CREATE TABLE contest_privacy (
    contest_id       BIGINT PRIMARY KEY REFERENCES contest (id),
    notice           TEXT,
    retention_days   INTEGER NOT NULL DEFAULT 180,
    consent_required INTEGER NOT NULL DEFAULT 0,
    purged_at        BIGINT
);
