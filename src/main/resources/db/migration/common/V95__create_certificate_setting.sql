-- What a contest's certificates say besides the award: who issues them, the date printed on them and the text of the
-- seal (report/CertificateSettings). One row per contest, written from the certificates page; no row = the defaults
-- (issuer "<contest name>组委会", today's date, the issuer as seal text). Kept beside the contest rather than in it:
-- it is print layout, not a rule of the contest. issued_on is an ISO date (yyyy-MM-dd) or NULL for "the day printed".
CREATE TABLE certificate_setting (
    contest_id  BIGINT PRIMARY KEY REFERENCES contest (id) ON DELETE CASCADE,
    issuer      TEXT NOT NULL,
    issued_on   TEXT,
    seal_text   TEXT NOT NULL,
    updated_at  BIGINT NOT NULL
);
