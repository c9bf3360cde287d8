import { VidKeepError, type ErrorInfo } from '../../shared/errors';
import type { JobState } from '../../shared/types';
import type { QueueJob } from './types';
import type { Engine } from './engine';
import type { Runner } from './runner';
import type { EnqueueOptions, EnqueueResult, QueueEvent } from './types';
import { buildSpec, type JobSpec } from './validate';
import { BULK_ROWS } from './store';
import { toView } from './view';

type Item = { name: string; payload: unknown; options?: EnqueueOptions };

/** Inserts jobs (dedup by id, dependencies) and, when slots are free, claims in the same transaction. */
export function createEnqueue(e: Engine, runner: Runner) {
  const { store, db } = e;

  function spec(name: string, payload: unknown, options: EnqueueOptions | undefined, now: number, scheduleId: string | null): JobSpec {
    const h = typeof name === 'string' ? e.handlers.get(name) : undefined;
    if (!h) throw new VidKeepError('unknown-job', `There is no job type "${String(name)}".`, 'Register its handler before adding jobs of that type.');
    if (options !== undefined && (options === null || typeof options !== 'object')) throw new VidKeepError('invalid-input', 'Job options must be an object.');
    const s = buildSpec(name, payload, h.defaults ? { ...h.defaults, ...options } : (options ?? {}), now);
    s.scheduleId = scheduleId;
    return s;
  }

  function insert(s: JobSpec, payload: unknown, now: number): EnqueueResult {
    let pending = 0;
    let depError: ErrorInfo | null = null;
    for (const d of s.dependsOn) {
      const st = store.stateOf(d);
      if (st === undefined) throw new VidKeepError('not-found', `The job depends on "${d}", which does not exist.`);
      if (st === 'failed' || st === 'cancelled') depError = { code: 'dependency-failed', message: `Cancelled because the job it needed (${d}) ${st === 'failed' ? 'failed' : 'was cancelled'}.`, values: { reason: st, job: d } };
      else if (st !== 'succeeded') pending++;
    }
    const state: JobState = depError ? 'cancelled' : 'queued';
    const error = depError ? JSON.stringify(depError) : null;
    if (!store.insert(s, state, pending, now, error)) return existing(s.id);
    for (const d of s.dependsOn) store.insertDep(s.id, d);
    return fresh(s, payload, now, state, depError);
  }

  function fresh(s: JobSpec, payload: unknown, now: number, state: JobState, depError: ErrorInfo | null): EnqueueResult {
    const job: QueueJob = {
      id: s.id, name: s.name, queue: s.queue, state, payload: payload === undefined ? null : payload, priority: s.priority, tries: 0, maxTries: s.maxTries,
      runAt: s.runAt, createdAt: now, startedAt: null, finishedAt: depError ? now : null, error: depError, result: null, progress: null, label: s.label ?? s.name,
    };
    return { jobId: s.id, existing: false, job };
  }

  function existing(id: string): EnqueueResult {
    const row = store.get(id);
    if (!row) throw new VidKeepError('internal', `Job "${id}" could not be stored.`);
    return { jobId: id, existing: true, job: toView(row) };
  }

  /** Inserts in order; jobs without dependencies go BULK_ROWS per statement. */
  function insertAll(items: Item[], now: number, scheduleId: string | null): EnqueueResult[] {
    const out = new Array<EnqueueResult>(items.length);
    let chunk: number[] = [];
    let specs: JobSpec[] = [];
    const ids = new Set<string>();
    const flush = () => {
      if (specs.length === 0) return;
      const inserted = store.insertQueued(specs, now);
      for (let j = 0; j < specs.length; j++) {
        const s = specs[j]!;
        const i = chunk[j]!;
        out[i] = inserted === null || inserted[j] ? fresh(s, items[i]!.payload, now, 'queued', null) : existing(s.id);
      }
      chunk = [];
      specs = [];
      ids.clear();
    };
    for (let i = 0; i < items.length; i++) {
      const it = items[i]!;
      const s = spec(it.name, it.payload, it.options, now, scheduleId);
      if (s.dependsOn.length > 0) {
        flush();
        out[i] = insert(s, it.payload, now);
        continue;
      }
      // A repeated id within one statement would hide which row was new: the second goes in the next one.
      if (ids.has(s.id)) flush();
      ids.add(s.id);
      chunk.push(i);
      specs.push(s);
      if (specs.length === BULK_ROWS) flush();
    }
    flush();
    return out;
  }

  function after(results: EnqueueResult[], runs: ReturnType<Runner['takeClaims']>, now: number) {
    if (e.hasListeners()) {
      const events: QueueEvent[] = [];
      for (const r of results) if (!r.existing) events.push({ type: 'added', job: r.job });
      e.emit(events);
    }
    runner.launch(runs);
    let next = Infinity;
    for (const r of results) if (!r.existing && r.job.state === 'queued' && r.job.runAt > now && r.job.runAt < next) next = r.job.runAt;
    if (next !== Infinity) runner.noteRunAt(next);
    else if (runs.length === 0 && runner.canClaim()) runner.wake();
  }

  // Transactions built once (better-sqlite3 wraps four variants per db.transaction() call). What
  // they claim is taken from the runner after the call, so a failed COMMIT can still drop it.
  // Inside a caller's transaction (outer) nothing is claimed: it may still roll back, and a job must
  // never start before its row is committed. The runner's wake (next tick) claims it after the commit.
  const manyTx = db.transaction((items: Item[], now: number, scheduleId: string | null, outer: boolean) => {
    const out = insertAll(items, now, scheduleId);
    if (!outer) runner.claim(now);
    return out;
  });
  const oneTx = db.transaction((s: JobSpec, payload: unknown, now: number, outer: boolean) => {
    const res = insert(s, payload, now);
    if (!outer && !res.existing && res.job.state === 'queued' && s.runAt <= now) runner.claim(now);
    return res;
  });

  function many(items: Item[], scheduleId: string | null): EnqueueResult[] {
    if (!Array.isArray(items)) throw new VidKeepError('invalid-input', 'enqueueMany takes a list of jobs.');
    runner.noticeClock();
    const now = e.now();
    let results: EnqueueResult[];
    try {
      results = manyTx(items, now, scheduleId, db.inTransaction);
    } catch (err) {
      runner.dropClaims();
      throw err;
    }
    const runs = runner.takeClaims();
    after(results, runs, now);
    return results;
  }

  function one(name: string, payload: unknown, options?: EnqueueOptions): EnqueueResult {
    runner.noticeClock();
    const now = e.now();
    const s = spec(name, payload, options, now, null);
    // With nothing to claim and no dependencies, one autocommit insert is the whole job.
    if (s.dependsOn.length === 0 && !runner.canClaim()) {
      const r = insert(s, payload, now);
      after([r], [], now);
      return r;
    }
    let r: EnqueueResult;
    try {
      r = oneTx(s, payload, now, db.inTransaction);
    } catch (err) {
      runner.dropClaims();
      throw err;
    }
    const runs = runner.takeClaims();
    after([r], runs, now);
    return r;
  }

  return { one, many };
}
