-- A draw reads its pool in byte order of the ticket (COLLATE "C", SPEC's UTF-8 byte order). With this index in the
-- database's collation PostgreSQL sorted the whole pool for every draw (0.3 s of 10⁶ rows, docs/draw.md "Speed");
-- in "C" the index gives that order as it is. (SQLite's V20 index is in byte order already: its BINARY collation.)
DROP INDEX offline_result_perfect;
CREATE INDEX offline_result_perfect ON offline_result (contest_id, perfect, ticket COLLATE "C");
