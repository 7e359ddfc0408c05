-- The frozen pool of a draw as one row of blobs instead of one draw_entry row per entry (issue #8), see
-- org.baiti.draw.FrozenPool and docs/draw.md. pool_keys is "key_1\n…key_n\n" in sorted order, exactly the preimage of
-- the pool digest P; pool_display is the "pool" JSON array of the published record. compression tells how both are
-- stored ('deflate' or 'identity'). Like draw_entry, a draw_pool row is written once, in the commit's transaction,
-- and the application never updates or deletes it; the reveal re-hashes pool_keys and refuses (pool_changed) when
-- it no longer gives P or pool_display no longer lists the same keys. Draws committed before this migration keep
-- their draw_entry rows and are read from there. (BYTEA: PostgreSQL's binary type; SQLite stores blobs as given.)
CREATE TABLE draw_pool (
    draw_id       BIGINT PRIMARY KEY REFERENCES draw (id),
    compression   TEXT NOT NULL,
    pool_keys     BYTEA NOT NULL,
    pool_display  BYTEA NOT NULL
);

-- The winners in draw order with masked name and unit, JSON [{"key", "name", "unit"}], written by the seal.
ALTER TABLE draw ADD COLUMN winner_entries TEXT;
