-- Bucket4j's token buckets on PostgreSQL (limits.Limits): one row per bucket, shared by every node, taken with
-- SELECT ... FOR UPDATE; expired rows (buckets full again) are deleted every minute. SQLite keeps its buckets in
-- memory (one node) and never uses the table.
CREATE TABLE rate_limit_bucket (
    id         TEXT PRIMARY KEY,
    state      BYTEA,
    expires_at BIGINT
);
