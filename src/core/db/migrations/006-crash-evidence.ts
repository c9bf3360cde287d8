// Owned by src/core/ytdlp/processes.ts (child_processes) and src/core/queue/recovery.ts (crashes).
export default /* sql */ `
-- A child's row is written before it is spawned (pid still NULL) and carries a marker the child
-- inherits in its environment (VIDKEEP_RUN), so a launch killed between spawn and recording the pid
-- still leaves a way to find the child. Rows from before this version have no marker.
CREATE TABLE child_processes_new (
  id         INTEGER PRIMARY KEY,
  pid        INTEGER,
  marker     TEXT UNIQUE,
  launch_id  TEXT NOT NULL,
  command    TEXT NOT NULL,
  started_at INTEGER NOT NULL
) STRICT;
INSERT INTO child_processes_new (pid, launch_id, command, started_at) SELECT pid, launch_id, command, started_at FROM child_processes;
DROP TABLE child_processes;
ALTER TABLE child_processes_new RENAME TO child_processes;
CREATE INDEX child_processes_pid ON child_processes (pid, launch_id);

-- One row per job active when a launch died (job_id NULL: it died with nothing running), so a
-- crash is pinned on a job only when the evidence points at it (see queue/recovery.ts).
CREATE TABLE crashes (
  launch_id  TEXT NOT NULL,
  job_id     TEXT,
  active     INTEGER NOT NULL,
  noticed_at INTEGER NOT NULL
) STRICT;
CREATE INDEX crashes_by_job ON crashes (job_id) WHERE job_id IS NOT NULL;
CREATE INDEX crashes_by_launch ON crashes (launch_id);

-- Jobs under suspicion after a crash run one at a time; this partial index holds only them, so the
-- hot paths (crash_strikes = 0) never write it.
CREATE INDEX jobs_suspect ON jobs (id) WHERE crash_strikes > 0;
`;
