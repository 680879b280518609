-- Case news Slack must deliver (a case for a reviewer, an answer for its asker, a reminder),
-- written before the first attempt and marked sent once Slack accepts it, so nothing is lost
-- while Slack is down and nothing is sent twice once done. Any instance sharing the database
-- may deliver a row; next_at doubles as a short lease while one instance is trying it.
CREATE TABLE slack_outbox (
  id          TEXT    NOT NULL PRIMARY KEY,
  -- what the delivery is for ("card:<case>:<user>", "answer:<case>"): queued once per event
  dedup_key   TEXT    NOT NULL UNIQUE,
  kind        TEXT    NOT NULL,
  case_id     TEXT    NOT NULL,
  recipient   TEXT    NOT NULL,
  note        TEXT    NOT NULL,
  -- PENDING until Slack accepts it (SENT), or GAVE_UP after too many failures
  status      TEXT    NOT NULL,
  attempts    INTEGER NOT NULL,
  next_at     BIGINT  NOT NULL,
  created_at  BIGINT  NOT NULL,
  done_at     BIGINT,
  -- where the message landed, so a reviewer's card can be updated when the case moves on
  sent_channel TEXT,
  sent_ts      TEXT,
  last_error   TEXT
);
CREATE INDEX slack_outbox_due ON slack_outbox (status, next_at);
CREATE INDEX slack_outbox_case ON slack_outbox (case_id, kind);
