-- The optional roster of a contest (docs/security.md): when contest.roster_required is 1, an online attempt must
-- match a roster entry by phone and name, with the attempt's unit equal to or below the entry's unit.
ALTER TABLE contest ADD COLUMN roster_required INTEGER NOT NULL DEFAULT 0;

CREATE TABLE roster_entry (
    contest_id BIGINT NOT NULL REFERENCES contest (id),
    phone      TEXT NOT NULL,
    name       TEXT NOT NULL,
    unit_code  TEXT NOT NULL,
    row_no     INTEGER NOT NULL,
    PRIMARY KEY (contest_id, phone)
);

CREATE INDEX roster_entry_by_unit ON roster_entry (contest_id, unit_code);
