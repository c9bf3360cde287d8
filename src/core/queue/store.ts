import type { Statement } from 'better-sqlite3';
import type { Db } from '../db/open';
import type { JobState } from '../../shared/types';
import type { JobRow } from './view';
import type { JobSpec } from './validate';

const RUNNABLE = `state = 'queued' AND deps_pending = 0`;

const ROW_COLS = `seq, id, name, queue, state, payload, priority, lane, run_at, tries, max_tries, timeout_ms, backoff, keep_ms, keep_failed_ms, key, label, deps_pending, schedule_id, created_at, started_at, finished_at, expires_at, error, result, progress, claim_token, launch_id, crash_strikes`;
/** A row from a raw statement over ROW_COLS: one fixed-shape object, far cheaper than better-sqlite3's per-column objects. */
const rowOf = (a: unknown[]): JobRow => ({
  seq: a[0],
  id: a[1],
  name: a[2],
  queue: a[3],
  state: a[4],
  payload: a[5],
  priority: a[6],
  lane: a[7],
  run_at: a[8],
  tries: a[9],
  max_tries: a[10],
  timeout_ms: a[11],
  backoff: a[12],
  keep_ms: a[13],
  keep_failed_ms: a[14],
  key: a[15],
  label: a[16],
  deps_pending: a[17],
  schedule_id: a[18],
  created_at: a[19],
  started_at: a[20],
  finished_at: a[21],
  expires_at: a[22],
  error: a[23],
  result: a[24],
  progress: a[25],
  claim_token: a[26],
  launch_id: a[27],
  crash_strikes: a[28],
}) as JobRow;

/** Rows per multi-row INSERT in enqueueMany. */
export const BULK_ROWS = 50;

export interface FinishArgs {
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
  // Bulk path: plain queued rows, BULK_ROWS per statement (one statement per row was most of the cost).
  const bulkStmt = (n: number) =>
    db
      .prepare(`INSERT INTO jobs (id, name, queue, state, payload, priority, run_at, max_tries, timeout_ms, backoff, keep_ms, keep_failed_ms, key, label, deps_pending, schedule_id, created_at)
    VALUES ${Array.from({ length: n }, () => "(?, ?, ?, 'queued', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)").join(', ')} ON CONFLICT (id) DO NOTHING`);
  const bulkStmts = new Map<number, ReturnType<typeof bulkStmt>>();
  const bulkFor = (n: number) => {
    let st = bulkStmts.get(n);
    if (!st) bulkStmts.set(n, (st = bulkStmt(n)));
    return st;
  };
  const getRow = p<JobRow>('SELECT * FROM jobs WHERE id = ?');
  const getSeq = db.prepare<[string], number>('SELECT seq FROM jobs WHERE id = ?').pluck();
  const getState = p<{ state: JobState }>('SELECT state FROM jobs WHERE id = ?');
  const insertDep = p('INSERT OR IGNORE INTO job_deps (job_id, depends_on) VALUES (?, ?)');
  // INDEXED BY: without it the planner may sort every queued row on each claim. One statement per
  // shape (how many names and blocked queues/keys), with plain placeholders: json_each() cost more
  // than the rest of the claim.
  const candidateStmts = new Map<string, ReturnType<typeof p<{ id: string; queue: string; key: string | null }>>>();
  const marks = (n: number) => Array.from({ length: n }, () => '?').join(', ');
  const candidatesJson = p<{ id: string; queue: string; key: string | null }>(`SELECT id, queue, key FROM jobs INDEXED BY jobs_runnable
    WHERE ${RUNNABLE} AND run_at <= ?
      AND queue NOT IN (SELECT value FROM json_each(?)) AND (key IS NULL OR key NOT IN (SELECT value FROM json_each(?)))
      AND name IN (SELECT value FROM json_each(?))
    ORDER BY lane DESC, priority DESC, run_at, seq LIMIT ? OFFSET ?`);
  const candidatesFor = (nq: number, nk: number, nn: number) => {
    const k = `${nq},${nk},${nn}`;
    let st = candidateStmts.get(k);
    if (!st) {
      st = p<{ id: string; queue: string; key: string | null }>(`SELECT id, queue, key FROM jobs INDEXED BY jobs_runnable
    WHERE ${RUNNABLE} AND run_at <= ?${nq ? ` AND queue NOT IN (${marks(nq)})` : ''}${nk ? ` AND (key IS NULL OR key NOT IN (${marks(nk)}))` : ''}
      AND name IN (${nn ? marks(nn) : 'NULL'})
    ORDER BY lane DESC, priority DESC, run_at, seq LIMIT ? OFFSET ?`);
      candidateStmts.set(k, st);
    }
    return st;
  };
  const claimFirstStmts = new Map<string, Statement<unknown[], unknown[]>>();
  // The shape rarely changes between claims: the last one is kept at hand (no key built per claim).
  let lastShape = { nq: -1, nn: -1, one: false, st: null as Statement<unknown[], unknown[]> | null };
  const claimFirstFor = (nq: number, nn: number, one: boolean) => {
    if (lastShape.nq === nq && lastShape.nn === nn && lastShape.one === one && lastShape.st) return lastShape.st;
    const k = `${nq},${nn},${one}`;
    let st = claimFirstStmts.get(k);
    if (!st) {
      // `seq = (…)` for one job: SQLite runs `IN (…)` as a temporary list, several times slower.
      // Each row's token is the batch prefix plus its seq, so every claim still has its own token.
      st = db
        .prepare<unknown[], unknown[]>(`UPDATE jobs SET state = 'active', tries = tries + 1, claim_token = ? || '.' || seq, launch_id = ?, started_at = ?, finished_at = NULL
    WHERE seq ${one ? '=' : 'IN'} (SELECT seq FROM jobs INDEXED BY jobs_runnable WHERE ${RUNNABLE} AND run_at <= ?${nq ? ` AND queue NOT IN (${marks(nq)})` : ''}
      AND name IN (${nn ? marks(nn) : 'NULL'}) ORDER BY lane DESC, priority DESC, run_at, seq LIMIT ?)
    RETURNING ${ROW_COLS}`)
        .raw();
      claimFirstStmts.set(k, st);
    }
    lastShape = { nq, nn, one, st };
    return st;
  };
  const claim = db
    .prepare<unknown[], unknown[]>(`UPDATE jobs SET state = 'active', tries = tries + 1, claim_token = ?, launch_id = ?, started_at = ?, finished_at = NULL
    WHERE id = ? AND state = 'queued' RETURNING ${ROW_COLS}`)
    .raw();
  // By seq (the rowid) with positional values and no RETURNING: the caller holds the claimed row
  // and the new one is built from it, which was a large share of a claim-and-finish pump.
  const finish = db.prepare(`UPDATE jobs SET state = ?, run_at = ?, tries = ?, finished_at = ?, expires_at = ?, error = ?, result = ?,
      progress = coalesce(?, progress), claim_token = NULL, crash_strikes = 0
    WHERE seq = ? AND claim_token = ?`);
  const cancel = p<JobRow>(`UPDATE jobs SET state = 'cancelled', finished_at = @now, expires_at = @now + keep_failed_ms, error = @error, claim_token = NULL
    WHERE id = @id AND state IN ('queued', 'active') RETURNING *`);
  const saveProgress = p('UPDATE jobs SET progress = ? WHERE id = ? AND claim_token = ?');
  const setLabel = p<JobRow>('UPDATE jobs SET label = ? WHERE id = ? RETURNING *');
  const dependents = p<{ job_id: string }>('SELECT job_id FROM job_deps WHERE depends_on = ?');
  // `+state`: keeps the planner on the id lookup instead of scanning every queued job via jobs_state.
  const releaseDependents = p<{ id: string }>(`UPDATE jobs SET deps_pending = deps_pending - 1
    WHERE id IN (SELECT job_id FROM job_deps WHERE depends_on = ?) AND +state = 'queued' AND deps_pending > 0 RETURNING id`);
  const pendingDeps = p<{ n: number }>(`SELECT count(*) AS n FROM job_deps d JOIN jobs j ON j.id = d.depends_on WHERE d.job_id = ? AND j.state != 'succeeded'`);
  const requeue = p<JobRow>(`UPDATE jobs SET state = 'queued', tries = 0, run_at = @now, timeout_ms = coalesce(@timeout, timeout_ms), finished_at = NULL, expires_at = NULL, error = NULL, result = NULL,
      progress = NULL, started_at = NULL, crash_strikes = 0, deps_pending = @deps WHERE id = @id AND state IN ('failed', 'cancelled') RETURNING *`);
  const remove = p('DELETE FROM jobs WHERE id = ? AND state != \'active\'');
  const promote = p<JobRow>(`UPDATE jobs SET lane = (SELECT coalesce(max(lane), 0) + 1 FROM jobs WHERE state = 'queued'), run_at = min(run_at, @now)
    WHERE id = @id AND state = 'queued' RETURNING *`);
  const nextDue = p<{ t: number | null }>(`SELECT min(run_at) AS t FROM jobs INDEXED BY jobs_runnable WHERE ${RUNNABLE} AND run_at > ?
    AND queue NOT IN (SELECT value FROM json_each(?)) AND name IN (SELECT value FROM json_each(?))`);
  const shiftDue = p('UPDATE jobs SET run_at = run_at + ? WHERE state = \'queued\' AND run_at > ?');
  const nextExpiry = p<{ t: number | null }>('SELECT min(expires_at) AS t FROM jobs WHERE expires_at IS NOT NULL');
  const purge = p<{ id: string }>('DELETE FROM jobs WHERE expires_at IS NOT NULL AND expires_at <= ? AND state != \'active\' RETURNING id');
  const readSetting = p<{ value: string }>('SELECT value FROM settings WHERE key = ?');
  const writeSetting = p('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');

  // Whether any dependency row can exist: lets a finish skip the dependents update entirely.
  let depsKnown = db.prepare('SELECT EXISTS (SELECT 1 FROM job_deps) AS x').pluck().get() === 1;

  return {
    db,
    insert(s: JobSpec, state: JobState, depsPending: number, now: number, error: string | null): boolean {
      const finished = state === 'cancelled' ? now : null;
      return insert.run(s.id, s.name, s.queue, state, s.payload, s.priority, s.runAt, s.maxTries, s.timeoutMs, s.backoff, s.keepMs, s.keepFailedMs,
        s.key, s.label, depsPending, s.scheduleId, now, error, finished, finished === null ? null : now + s.keepFailedMs).changes === 1;
    },
    /**
     * Inserts up to BULK_ROWS queued jobs without dependencies (distinct ids). Returns null when all
     * were new, else which were (a rare id clash: rows one statement inserts get consecutive seqs
     * above every row that existed before it, so a clashing row is one below that range).
     */
    insertQueued(specs: JobSpec[], now: number): boolean[] | null {
      const args: unknown[] = [];
      for (const s of specs) args.push(s.id, s.name, s.queue, s.payload, s.priority, s.runAt, s.maxTries, s.timeoutMs, s.backoff, s.keepMs, s.keepFailedMs, s.key, s.label, s.scheduleId, now);
      const info = bulkFor(specs.length).run(...args);
      if (info.changes === specs.length) return null;
      const first = Number(info.lastInsertRowid) - info.changes + 1;
      return specs.map((s) => info.changes > 0 && (getSeq.get(s.id) ?? 0) >= first);
    },
    get: (id: string) => getRow.get(id),
    stateOf: (id: string) => getState.get(id)?.state,
    insertDep: (jobId: string, dep: string) => {
      depsKnown = true;
      insertDep.run(jobId, dep);
    },
    candidates: (now: number, blockedQueues: string[], blockedKeys: string[], names: string[], limit: number, offset: number) =>
      blockedQueues.length + blockedKeys.length + names.length > 200
        ? candidatesJson.all(now, JSON.stringify(blockedQueues), JSON.stringify(blockedKeys), JSON.stringify(names), limit, offset)
        : candidatesFor(blockedQueues.length, blockedKeys.length, names.length).all(now, ...blockedQueues, ...blockedKeys, ...names, limit, offset),
    /** Claims the first `limit` runnable jobs in runnable order (for when no per-queue or per-key limit applies). */
    claimFirst(now: number, pausedQueues: string[], names: string[], limit: number, tokenPrefix: string, launchId: string): JobRow[] {
      if (pausedQueues.length + names.length > 200) {
        // Rare: too many to inline; pick them with the general query, then claim one by one.
        const out: JobRow[] = [];
        for (const c of candidatesJson.all(now, JSON.stringify(pausedQueues), '[]', JSON.stringify(names), limit, 0)) {
          const a = claim.get(`${tokenPrefix}.${out.length}`, launchId, now, c.id);
          if (a) out.push(rowOf(a));
        }
        return out;
      }
      const st = claimFirstFor(pausedQueues.length, names.length, limit === 1);
      // The usual shape (nothing paused, one job type) without spreading arguments: a claim per job.
      const raw = pausedQueues.length === 0 && names.length === 1 ? st.all(tokenPrefix, launchId, now, now, names[0], limit) : st.all(tokenPrefix, launchId, now, now, ...pausedQueues, ...names, limit);
      if (raw.length === 1) return [rowOf(raw[0]!)];
      const rows = raw.map(rowOf);
      if (rows.length > 1) rows.sort((a, b) => b.lane - a.lane || b.priority - a.priority || a.run_at - b.run_at || a.seq - b.seq);
      return rows;
    },
    claim: (id: string, token: string, launchId: string, now: number): JobRow | undefined => {
      const a = claim.get(token, launchId, now, id);
      return a ? rowOf(a) : undefined;
    },
    /**
     * Ends the run that claimed `r` (the row as claimed) if `token` still owns it; returns the row
     * as it now is. Nothing else writes an active row's columns but its own run (label and
     * progress come from it too), so the new row is the claimed one with these changes.
     */
    finish: (r: JobRow, a: FinishArgs): JobRow | undefined => {
      const finishedAt = a.state === 'succeeded' || a.state === 'failed' || a.state === 'cancelled' ? a.now : null;
      const expiresAt = a.state === 'succeeded' ? a.now + r.keep_ms : a.state === 'queued' ? null : a.now + r.keep_failed_ms;
      const tries = Math.max(0, r.tries + a.triesDelta);
      if (finish.run(a.state, a.runAt, tries, finishedAt, expiresAt, a.error, a.result, a.progress, r.seq, a.token).changes !== 1) return undefined;
      // Spelled out in rowOf's order (one object shape for every row the engine holds), not spread.
      return {
        seq: r.seq, id: r.id, name: r.name, queue: r.queue, state: a.state, payload: r.payload, priority: r.priority, lane: r.lane, run_at: a.runAt, tries,
        max_tries: r.max_tries, timeout_ms: r.timeout_ms, backoff: r.backoff, keep_ms: r.keep_ms, keep_failed_ms: r.keep_failed_ms, key: r.key, label: r.label,
        deps_pending: r.deps_pending, schedule_id: r.schedule_id, created_at: r.created_at, started_at: r.started_at, finished_at: finishedAt, expires_at: expiresAt,
        error: a.error, result: a.result, progress: a.progress ?? r.progress, claim_token: null, launch_id: r.launch_id, crash_strikes: 0,
      };
    },
    cancel: (id: string, now: number, error: string) => cancel.get({ now, error, id }),
    saveProgress: (id: string, token: string, progress: string) => void saveProgress.run(progress, id, token),
    setLabel: (id: string, label: string) => setLabel.get(label, id),
    dependents: (id: string) => dependents.all(id).map((r) => r.job_id),
    releaseDependents: (id: string) => (depsKnown ? releaseDependents.all(id).map((r) => r.id) : []),
    pendingDeps: (id: string) => pendingDeps.get(id)?.n ?? 0,
    requeue: (id: string, now: number, depsPending: number, timeoutMs: number | null = null) => requeue.get({ now, deps: depsPending, id, timeout: timeoutMs }),
    remove: (id: string) => remove.run(id).changes === 1,
    promote: (id: string, now: number) => promote.get({ now, id }),
    nextDue: (now: number, blockedQueues: string, names: string) => nextDue.get(now, blockedQueues, names)?.t ?? null,
    nextExpiry: () => nextExpiry.get()?.t ?? null,
    /** Moves every future due time by `ms` (the wall clock stepped back by -ms). */
    shiftDue: (now: number, ms: number) => void shiftDue.run(ms, now),
    purge: (now: number) => purge.all(now).map((r) => r.id),
    readSetting: (key: string) => readSetting.get(key)?.value,
    writeSetting: (key: string, value: string) => void writeSetting.run(key, value),
  };
}

export type Store = ReturnType<typeof createStore>;
