-- A version number per contest's question bank, raised in the same transaction as every change to its questions
-- (JdbcQuestions.upsert). Each node keeps the bank of a contest in memory and reads this one row per request to
-- know whether its copy is still current, instead of reading and parsing every question at every start.
CREATE TABLE question_bank_version (
    contest_id BIGINT PRIMARY KEY REFERENCES contest (id),
    version    BIGINT NOT NULL
);

INSERT INTO question_bank_version (contest_id, version)
SELECT DISTINCT contest_id, 1 FROM question;
