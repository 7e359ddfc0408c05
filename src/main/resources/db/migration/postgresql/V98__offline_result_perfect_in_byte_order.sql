-- A draw reads its pool in byte order of the ticket (COLLATE "C": the draw's order, by UTF-8 bytes). With this index
-- in the database's collation PostgreSQL sorted the whole pool for every draw (0.3 s of 10⁶ rows, docs/draw.md
-- "Speed"); in "C" the index gives that order as it is. (SQLite's V20 index is in byte order already: BINARY.)
DROP INDEX offline_result_perfect;
CREATE INDEX offline_result_perfect ON offline_result (contest_id, perfect, ticket COLLATE "C");
