-- Per-address rate limits a contest may set for itself (docs/security.md, "Rate limits"); NULL = the node's default
-- (baiti.rate-limit.address-*), 0 = no limit. Per minute, from one client address, in this contest.
ALTER TABLE contest ADD COLUMN address_starts_per_minute INTEGER;
ALTER TABLE contest ADD COLUMN address_submits_per_minute INTEGER;
ALTER TABLE contest ADD COLUMN address_codes_per_minute INTEGER;
ALTER TABLE contest ADD COLUMN address_failures_per_minute INTEGER;
