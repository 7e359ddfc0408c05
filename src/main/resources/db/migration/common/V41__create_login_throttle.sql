-- Failed staff logins per user name ('user:NAME') and per client address ('addr:IP'), shared by all nodes.
-- After too many failures within the window the key is locked until locked_until (docs/security.md).
CREATE TABLE login_throttle (
    throttle_key TEXT PRIMARY KEY,
    failures     INTEGER NOT NULL,
    window_start BIGINT NOT NULL,
    locked_until BIGINT
);
