-- One schema for SQLite and PostgreSQL: ids are application-made UUID text, times are epoch
-- milliseconds in BIGINT, enums are their names in TEXT, and there are no booleans.

-- Who reviews each school's cases. Safeguarding cases go to the DSL alone.
CREATE TABLE reviewers (
  school     TEXT   NOT NULL PRIMARY KEY,
  head       TEXT   NOT NULL,
  deputy     TEXT   NOT NULL,
  dsl        TEXT   NOT NULL,
  updated_at BIGINT NOT NULL
);

-- A question the policies did not settle, or a safeguarding concern, waiting for a person.
CREATE TABLE cases (
  id              TEXT   NOT NULL PRIMARY KEY,
  -- the caller's key for the request: a retry finds the case it already filed
  idempotency_key TEXT   NOT NULL UNIQUE,
  school          TEXT   NOT NULL,
  kind            TEXT   NOT NULL,
  question        TEXT   NOT NULL,
  reason          TEXT,
  origin          TEXT   NOT NULL,
  asker_platform  TEXT   NOT NULL,
  asker_id        TEXT   NOT NULL,
  asker_name      TEXT   NOT NULL,
  reply_kind      TEXT   NOT NULL,
  reply_address   TEXT   NOT NULL,
  reply_thread    TEXT   NOT NULL,
  status          TEXT   NOT NULL,
  reviewer        TEXT   NOT NULL,
  answer          TEXT,
  created_at      BIGINT NOT NULL,
  updated_at      BIGINT NOT NULL,
  reminded_at     BIGINT,
  handed_over_at  BIGINT,
  purged_at       BIGINT
);
CREATE INDEX cases_school_status ON cases (school, status, created_at);
CREATE INDEX cases_status_created ON cases (status, created_at);
CREATE INDEX cases_asker ON cases (asker_platform, asker_id);

-- The bot's nearest clauses, copied so the case still reads right after the policy changes.
CREATE TABLE case_clauses (
  case_id     TEXT    NOT NULL REFERENCES cases (id),
  ordinal     INTEGER NOT NULL,
  policy      TEXT    NOT NULL,
  clause_id   TEXT    NOT NULL,
  title       TEXT    NOT NULL,
  section     TEXT    NOT NULL,
  link        TEXT    NOT NULL,
  clause_text TEXT    NOT NULL,
  PRIMARY KEY (case_id, ordinal)
);

-- Every change to a case: who, when, from which status to which.
-- seq orders a case's entries even when two share a millisecond.
CREATE TABLE case_audit (
  case_id    TEXT    NOT NULL REFERENCES cases (id),
  seq        INTEGER NOT NULL,
  changed_at BIGINT  NOT NULL,
  actor      TEXT    NOT NULL,
  old_status TEXT,
  new_status TEXT    NOT NULL,
  note       TEXT    NOT NULL,
  PRIMARY KEY (case_id, seq)
);

-- A reviewer's published answer, reused for the same question while its policies are unchanged.
CREATE TABLE rulings (
  id         TEXT   NOT NULL PRIMARY KEY,
  school     TEXT   NOT NULL,
  question   TEXT   NOT NULL,
  answer     TEXT   NOT NULL,
  reviewer   TEXT   NOT NULL,
  decided_on TEXT   NOT NULL,
  status     TEXT   NOT NULL,
  case_id    TEXT   REFERENCES cases (id),
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX rulings_school_status ON rulings (school, status);

-- The policy versions (content hashes) a ruling rests on.
CREATE TABLE ruling_policies (
  ruling_id    TEXT NOT NULL REFERENCES rulings (id),
  policy       TEXT NOT NULL,
  content_hash TEXT NOT NULL,
  PRIMARY KEY (ruling_id, policy)
);

-- Events already handled (Slack event_id, client message ids), so a redelivery does nothing.
CREATE TABLE dedup (
  source    TEXT   NOT NULL,
  event_key TEXT   NOT NULL,
  seen_at   BIGINT NOT NULL,
  PRIMARY KEY (source, event_key)
);
CREATE INDEX dedup_seen ON dedup (seen_at);

-- Button clicks on answers: helpful, not helpful, ask the head.
CREATE TABLE feedback (
  id          TEXT   NOT NULL PRIMARY KEY,
  click_key   TEXT   NOT NULL UNIQUE,
  school      TEXT   NOT NULL,
  answer_ref  TEXT   NOT NULL,
  question    TEXT   NOT NULL,
  platform    TEXT   NOT NULL,
  user_id     TEXT   NOT NULL,
  choice      TEXT   NOT NULL,
  clicked_at  BIGINT NOT NULL,
  purged_at   BIGINT
);
CREATE INDEX feedback_school ON feedback (school, clicked_at);
