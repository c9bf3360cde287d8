// Owned by the queue engine (src/core/queue).
export default /* sql */ `
CREATE TABLE jobs (
  seq            INTEGER PRIMARY KEY,
  id             TEXT NOT NULL UNIQUE,
  name           TEXT NOT NULL,
  queue          TEXT NOT NULL,
  state          TEXT NOT NULL CHECK (state IN ('queued', 'active', 'succeeded', 'failed', 'cancelled')),
  payload        TEXT NOT NULL,
  priority       INTEGER NOT NULL DEFAULT 0,
  -- Raised by promote(): a promoted job runs before anything with a lower lane.
  lane           INTEGER NOT NULL DEFAULT 0,
  run_at         INTEGER NOT NULL,
  tries          INTEGER NOT NULL DEFAULT 0,
  max_tries      INTEGER NOT NULL,
  timeout_ms     INTEGER NOT NULL,
  backoff        TEXT,
  keep_ms        INTEGER NOT NULL,
  keep_failed_ms INTEGER NOT NULL,
  key            TEXT,
  label          TEXT,
  deps_pending   INTEGER NOT NULL DEFAULT 0,
  schedule_id    TEXT,
  created_at     INTEGER NOT NULL,
  started_at     INTEGER,
  finished_at    INTEGER,
  expires_at     INTEGER,
  error          TEXT,
  result         TEXT,
  progress       TEXT,
  claim_token    TEXT,
  launch_id      TEXT,
  crash_strikes  INTEGER NOT NULL DEFAULT 0
) STRICT;

-- The claim query walks this index in runnable order; the next-due lookup scans it too (it only
-- runs when nothing is runnable now, so what it scans is deferred or blocked work).
-- Each index is a page written on every enqueue or finish commit, so there are few: none by state
-- (active rows are a handful and recovery scans once; metrics and lists read every row anyway).
CREATE INDEX jobs_runnable ON jobs (lane DESC, priority DESC, run_at, seq) WHERE state = 'queued' AND deps_pending = 0;
CREATE INDEX jobs_expiry   ON jobs (expires_at) WHERE expires_at IS NOT NULL;
CREATE INDEX jobs_schedule ON jobs (schedule_id, state) WHERE schedule_id IS NOT NULL;

CREATE TABLE job_deps (
  job_id     TEXT NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
  depends_on TEXT NOT NULL,
  PRIMARY KEY (job_id, depends_on)
) STRICT, WITHOUT ROWID;
CREATE INDEX job_deps_by_dep ON job_deps (depends_on);

CREATE TABLE schedules (
  id           TEXT PRIMARY KEY,
  cron         TEXT NOT NULL,
  job_name     TEXT NOT NULL,
  catch_up     TEXT NOT NULL CHECK (catch_up IN ('skip', 'once')),
  created_at   INTEGER NOT NULL,
  last_fire_at INTEGER,
  next_fire_at INTEGER
) STRICT;
`;
