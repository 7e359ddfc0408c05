-- A frozen pool is one blob, pool_display: the "pool" array of the published record, its keys in sorted order. The
-- second blob pool_keys ("key_1\n…key_n\n", the preimage of P) repeated those keys; whoever opens a pool now reads
-- the keys from the array and hashes them as a verifier of the record does (org.baiti.draw.FrozenPool, docs/draw.md).
ALTER TABLE draw_pool DROP COLUMN pool_keys;
