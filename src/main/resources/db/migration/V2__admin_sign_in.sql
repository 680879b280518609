-- Passwordless sign-in for reviewers: a single-use link sent by DM (or printed by
-- `policybot admin-link`), exchanged for a session. Only SHA-256 hashes of the secrets are
-- stored, so a copy of the database cannot be used to sign in.
CREATE TABLE sign_in_links (
  token_hash TEXT   NOT NULL PRIMARY KEY,
  user_id    TEXT   NOT NULL,
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  used_at    BIGINT
);
CREATE INDEX sign_in_links_expires ON sign_in_links (expires_at);

CREATE TABLE admin_sessions (
  session_hash TEXT   NOT NULL PRIMARY KEY,
  user_id      TEXT   NOT NULL,
  -- the CSRF token every form of this session carries
  csrf_token   TEXT   NOT NULL,
  created_at   BIGINT NOT NULL,
  expires_at   BIGINT NOT NULL
);
CREATE INDEX admin_sessions_expires ON admin_sessions (expires_at);
