import type { Db } from '../db/open';
import type { JobState } from '../../shared/types';
import type { JobRow } from './view';
import type { JobSpec } from './validate';

const RUNNABLE = `state = 'queued' AND deps_pending = 0`;

export interface FinishArgs {
  id: string;
  token: string;
  state: JobState;
  now: number;
  runAt: number;
  error: string | null;
  result: string | null;
  progress: string | null;
  /** Added to tries: -1 gives back a try that shutdown interrupted. */
  triesDelta: number;
}

/** Every statement the engine runs, prepared once. */
export function createStore(db: Db) {
  const p = <R = unknown>(sql: string) => db.prepare<unknown[], R>(sql);
  const insert = p(`INSERT INTO jobs (id, name, queue, state, payload, priority, run_at, max_tries, timeout_ms, backoff, keep_ms, keep_failed_ms, key, label, deps_pending, schedule_id, created_at, error, finished_at, expires_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`);
  const getRow = p<JobRow>('SELECT * FROM jobs WHERE id = ?');
  const getState = p<{ state: JobState }>('SELECT state FROM jobs WHERE id = ?');
  const insertDep = p('INSERT OR IGNORE INTO job_deps (job_id, depends_on) VALUES (?, ?)');
  // INDEXED BY: without it the planner picks jobs_state and sorts every queued row on each claim.
  const candidates = p<{ id: string; queue: string; key: string | null }>(`SELECT id, queue, key FROM jobs INDEXED BY jobs_runnable
    WHERE ${RUNNABLE} AND run_at <= ?
      AND queue NOT IN (SELECT value FROM json_each(?)) AND (key IS NULL OR key NOT IN (SELECT value FROM json_each(?)))
      AND name IN (SELECT value FROM json_each(?))
    ORDER BY lane DESC, priority DESC, run_at, seq LIMIT ? OFFSET ?`);
  const claim = p<JobRow>(`UPDATE jobs SET state = 'active', tries = tries + 1, claim_token = ?, launch_id = ?, started_at = ?, finished_at = NULL
    WHERE id = ? AND state = 'queued' RETURNING *`);
  const finish = p<JobRow>(`UPDATE jobs SET state = @state, run_at = @runAt, tries = max(0, tries + @triesDelta),
      finished_at = CASE WHEN @state IN ('succeeded', 'failed', 'cancelled') THEN @now END,
      expires_at = CASE @state WHEN 'succeeded' THEN @now + keep_ms WHEN 'queued' THEN NULL ELSE @now + keep_failed_ms END,
      error = @error, result = @result, progress = coalesce(@progress, progress), claim_token = NULL, crash_strikes = 0
    WHERE id = @id AND claim_token = @token RETURNING *`);
  const cancel = p<JobRow>(`UPDATE jobs SET state = 'cancelled', finished_at = @now, expires_at = @now + keep_failed_ms, error = @error, claim_token = NULL
    WHERE id = @id AND state IN ('queued', 'active') RETURNING *`);
  const saveProgress = p('UPDATE jobs SET progress = ? WHERE id = ? AND claim_token = ?');
  const setLabel = p<JobRow>('UPDATE jobs SET label = ? WHERE id = ? RETURNING *');
  const dependents = p<{ job_id: string }>('SELECT job_id FROM job_deps WHERE depends_on = ?');
  // `+state`: keeps the planner on the id lookup instead of scanning every queued job via jobs_state.
  const releaseDependents = p<{ id: string }>(`UPDATE jobs SET deps_pending = deps_pending - 1
    WHERE id IN (SELECT job_id FROM job_deps WHERE depends_on = ?) AND +state = 'queued' AND deps_pending > 0 RETURNING id`);
  const pendingDeps = p<{ n: number }>(`SELECT count(*) AS n FROM job_deps d JOIN jobs j ON j.id = d.depends_on WHERE d.job_id = ? AND j.state != 'succeeded'`);
  const requeue = p<JobRow>(`UPDATE jobs SET state = 'queued', tries = 0, run_at = @now, finished_at = NULL, expires_at = NULL, error = NULL, result = NULL,
      progress = NULL, started_at = NULL, crash_strikes = 0, deps_pending = @deps WHERE id = @id AND state IN ('failed', 'cancelled') RETURNING *`);
  const remove = p('DELETE FROM jobs WHERE id = ? AND state != \'active\'');
  const promote = p<JobRow>(`UPDATE jobs SET lane = (SELECT coalesce(max(lane), 0) + 1 FROM jobs WHERE state = 'queued'), run_at = min(run_at, @now)
    WHERE id = @id AND state = 'queued' RETURNING *`);
  const nextDue = p<{ t: number | null }>(`SELECT min(run_at) AS t FROM jobs INDEXED BY jobs_due WHERE ${RUNNABLE} AND run_at > ?
    AND queue NOT IN (SELECT value FROM json_each(?)) AND name IN (SELECT value FROM json_each(?))`);
  const nextExpiry = p<{ t: number | null }>('SELECT min(expires_at) AS t FROM jobs WHERE expires_at IS NOT NULL');
  const purge = p<{ id: string }>('DELETE FROM jobs WHERE expires_at IS NOT NULL AND expires_at <= ? AND state != \'active\' RETURNING id');
  const readSetting = p<{ value: string }>('SELECT value FROM settings WHERE key = ?');
  const writeSetting = p('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');

  return {
    db,
    insert(s: JobSpec, state: JobState, depsPending: number, now: number, error: string | null): boolean {
      const finished = state === 'cancelled' ? now : null;
      return insert.run(s.id, s.name, s.queue, state, s.payload, s.priority, s.runAt, s.maxTries, s.timeoutMs, s.backoff, s.keepMs, s.keepFailedMs,
        s.key, s.label, depsPending, s.scheduleId, now, error, finished, finished === null ? null : now + s.keepFailedMs).changes === 1;
    },
    get: (id: string) => getRow.get(id),
    stateOf: (id: string) => getState.get(id)?.state,
    insertDep: (jobId: string, dep: string) => void insertDep.run(jobId, dep),
    candidates: (now: number, blockedQueues: string, blockedKeys: string, names: string, limit: number, offset: number) =>
      candidates.all(now, blockedQueues, blockedKeys, names, limit, offset),
    claim: (id: string, token: string, launchId: string, now: number) => claim.get(token, launchId, now, id),
    finish: (a: FinishArgs) => finish.get(a),
    cancel: (id: string, now: number, error: string) => cancel.get({ now, error, id }),
    saveProgress: (id: string, token: string, progress: string) => void saveProgress.run(progress, id, token),
    setLabel: (id: string, label: string) => setLabel.get(label, id),
    dependents: (id: string) => dependents.all(id).map((r) => r.job_id),
    releaseDependents: (id: string) => releaseDependents.all(id).map((r) => r.id),
    pendingDeps: (id: string) => pendingDeps.get(id)?.n ?? 0,
    requeue: (id: string, now: number, depsPending: number) => requeue.get({ now, deps: depsPending, id }),
    remove: (id: string) => remove.run(id).changes === 1,
    promote: (id: string, now: number) => promote.get({ now, id }),
    nextDue: (now: number, blockedQueues: string, names: string) => nextDue.get(now, blockedQueues, names)?.t ?? null,
    nextExpiry: () => nextExpiry.get()?.t ?? null,
    purge: (now: number) => purge.all(now).map((r) => r.id),
    readSetting: (key: string) => readSetting.get(key)?.value,
    writeSetting: (key: string, value: string) => void writeSetting.run(key, value),
  };
}

export type Store = ReturnType<typeof createStore>;
