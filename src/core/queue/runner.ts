import PQueue from 'p-queue';
import { VidKeepError } from '../../shared/errors';
import type { Engine } from './engine';
import { MAX_TIMER_MS } from './engine';
import { failure, json, type Outcome } from './outcome';
import { cancelDependents } from './deps';
import { createProgress, newProgressState, type ProgressState } from './progress';
import { PermanentJobError, type JobContext, type QueueEvent } from './types';
import { toView, type JobRow } from './view';

interface Run {
  row: JobRow;
  token: string;
  controller: AbortController;
  timer: unknown;
  done: boolean;
  release: () => void;
  released: Promise<void>;
  progress: ProgressState;
  onCommit: Array<() => void>;
}


export interface RunnerOptions {
  maxJobs: number;
  perQueue: Record<string, number>;
  perKey: number;
  /** Earliest schedule fire, so the one timer covers cron too. */
  nextFire: () => number | null;
  onTimer: (now: number) => void;
  /** True while jobs under suspicion after a crash wait for their run alone. */
  solo?: () => boolean;
}

/** Claims jobs, runs them through p-queue, records outcomes in batches, and keeps the one due-timer. */
export function createRunner(e: Engine, o: RunnerOptions) {
  const { store, db } = e;
  const pq = new PQueue({ concurrency: o.maxJobs });
  const progress = createProgress(e);
  const active = new Map<string, Run>();
  const byQueue = new Map<string, number>();
  const byKey = new Map<string, number>();
  let completions: Array<{ run: Run; outcome: Outcome }> = [];
  let running = false;
  let pumpQueued = false;
  let tokenSeq = 0;
  let nextRunAt: number | null = null;
  let nextExpiry: number | null = null;
  let timer: unknown = null;
  let timerAt: number | null = null;
  let idle: (() => void) | null = null;

  const bump = (m: Map<string, number>, k: string, d: number) => m.set(k, (m.get(k) ?? 0) + d);
  const queueFull = (q: string) => (byQueue.get(q) ?? 0) >= (o.perQueue[q] ?? Infinity);
  const keyFull = (k: string | null) => k !== null && (byKey.get(k) ?? 0) >= o.perKey;
  const free = () => {
    if (!running || e.paused.all) return 0;
    // After a crash with several jobs running, they run one at a time until each has run once,
    // so a job that kills VidKeep is caught alone (see recovery.ts).
    if (o.solo?.()) return active.size === 0 ? 1 : 0;
    return o.maxJobs - active.size;
  };
  const blockedList = () => (e.paused.queues.size === 0 && byQueue.size === 0 ? [] : [...e.paused.queues, ...[...byQueue.keys()].filter(queueFull)]);
  const blockedQueues = () => JSON.stringify(blockedList());

  const unlimited = () => o.perKey === Infinity && Object.keys(o.perQueue).length === 0;

  function track(row: JobRow, token: string): Run {
    let release!: () => void;
    const released = new Promise<void>((r) => (release = r));
    const run: Run = { row, token, controller: new AbortController(), timer: null, done: false, release, released, progress: newProgressState(), onCommit: [] };
    active.set(row.id, run);
    bump(byQueue, row.queue, 1);
    if (row.key !== null) bump(byKey, row.key, 1);
    return run;
  }

  function claim(now: number): Run[] {
    let slots = free();
    if (slots <= 0) return [];
    const runs: Run[] = [];
    if (unlimited()) {
      // No per-queue or per-key limits: one statement claims the first `slots` runnable jobs.
      for (const row of store.claimFirst(now, [...e.paused.queues], e.names, slots, `${e.launchId}.${++tokenSeq}`, e.launchId)) runs.push(track(row, row.claim_token!));
      return runs;
    }
    const bq = blockedList();
    const bk = byKey.size === 0 ? [] : [...byKey.keys()].filter(keyFull);
    // Full queues and keys are excluded in SQL; the margin covers ones that fill up within this page.
    const page = slots + 16;
    for (let offset = 0; slots > 0; ) {
      const rows = store.candidates(now, bq, bk, e.names, page, offset);
      let taken = 0;
      for (const c of rows) {
        if (slots === 0) break;
        if (queueFull(c.queue) || keyFull(c.key)) continue;
        const token = `${e.launchId}.${++tokenSeq}`;
        const row = store.claim(c.id, token, e.launchId, now);
        if (!row) continue;
        runs.push(track(row, token));
        taken++;
        slots--;
      }
      if (rows.length < page) break;
      offset += rows.length - taken;
    }
    return runs;
  }

  /** A claim the transaction did not commit must not stay counted. */
  function forget(runs: Run[]) {
    for (const r of runs) untrack(r);
  }

  function untrack(run: Run) {
    active.delete(run.row.id);
    bump(byQueue, run.row.queue, -1);
    if (run.row.key !== null) bump(byKey, run.row.key, -1);
  }

  function launch(runs: Run[]) {
    if (runs.length === 0) return;
    if (e.hasListeners()) e.emit(runs.map((r) => ({ type: 'started', job: toView(r.row) })));
    for (const run of runs) void pq.add(() => execute(run));
  }

  async function execute(run: Run): Promise<void> {
    const h = e.handlers.get(run.row.name);
    let outcome: Outcome;
    run.timer = e.setTimer(() => settle(run, { kind: 'timeout' }), Math.min(run.row.timeout_ms, MAX_TIMER_MS));
    try {
      if (!h) throw new PermanentJobError({ code: 'unknown-job', message: `No handler is registered for "${run.row.name}".` });
      const result: unknown = await Promise.race([h.fn(context(run)), run.released]);
      outcome = { kind: 'ok', result };
    } catch (err) {
      outcome = { kind: 'error', err };
    }
    settle(run, outcome);
  }

  function context(run: Run): JobContext {
    const { row } = run;
    return {
      jobId: row.id,
      name: row.name,
      payload: JSON.parse(row.payload) as unknown,
      tryNumber: row.tries,
      maxTries: row.max_tries,
      signal: run.controller.signal,
      progress: (p) => void (!run.done && progress.report(row.id, run.token, run.progress, p)),
      setLabel: (label) => {
        if (run.done) return;
        const r = store.setLabel(row.id, String(label).slice(0, 500));
        if (r) e.emit([{ type: 'updated', job: toView(r) }]);
      },
      log: { info: (m) => e.log('info', row.id, m), warn: (m) => e.log('warn', row.id, m), error: (m) => e.log('error', row.id, m) },
      enqueue: (name, payload, options) => e.enqueue(name, payload, options),
      onCommit: (fn) => void run.onCommit.push(fn),
    };
  }

  /** First outcome wins; a timeout, cancel or shutdown frees the slot even if the handler never returns. */
  function settle(run: Run, outcome: Outcome) {
    if (run.done) return;
    run.done = true;
    e.clearTimer(run.timer);
    progress.stop(run.progress);
    untrack(run);
    if (outcome.kind === 'timeout') run.controller.abort(new VidKeepError('timeout', 'The job ran out of time.'));
    run.release();
    if (outcome.kind !== 'none') completions.push({ run, outcome });
    if (active.size === 0 && idle) idle();
    wake();
  }

  function record(now: number, events: QueueEvent[]) {
    const batch = completions;
    completions = [];
    for (const c of batch) {
      const run = c.run;
      let outcome = c.outcome;
      const r = run.row;
      const base = { id: r.id, token: run.token, now, runAt: r.run_at, result: null, error: null, triesDelta: 0, progress: run.progress.latest ? JSON.stringify(run.progress.latest) : null };
      if (outcome.kind === 'requeue') {
        const row = store.finish({ ...base, state: 'queued', error: r.error, triesDelta: -1 });
        if (row) events.push({ type: 'updated', job: toView(row) });
        continue;
      }
      if (outcome.kind === 'ok') {
        const result = json(outcome.result);
        try {
          // A savepoint only when onCommit work has to roll back with the finish if it throws.
          const row =
            run.onCommit.length === 0
              ? store.finish({ ...base, state: 'succeeded', result })
              : db.transaction(() => {
                  const done = store.finish({ ...base, state: 'succeeded', result });
                  if (done) for (const fn of run.onCommit) fn();
                  return done;
                })();
          if (!row) continue;
          store.releaseDependents(r.id);
          events.push({ type: 'succeeded', job: toView(row) });
          noteExpiry(row.expires_at);
          continue;
        } catch (err) {
          outcome = { kind: 'error', err };
        }
      }
      const { info, delay } = failure(r, outcome, e.random);
      if (delay !== null && r.tries < r.max_tries) {
        const row = store.finish({ ...base, state: 'queued', runAt: now + delay, error: JSON.stringify(info) });
        if (row) events.push({ type: 'retrying', job: toView(row), delayMs: delay });
        continue;
      }
      const row = store.finish({ ...base, state: 'failed', error: JSON.stringify(info) });
      if (!row) continue;
      events.push({ type: 'failed', job: toView(row) });
      noteExpiry(row.expires_at);
      cancelDependents(store, r.id, 'failed', now, events);
    }
  }

  // Claimed inside pumpTx; read back after it, so a failed COMMIT can still forget them.
  let claimed: Run[] = [];
  // Built once: better-sqlite3 wraps four variants per db.transaction() call, a measurable cost per job.
  const pumpTx = db.transaction((now: number, events: QueueEvent[]) => {
    record(now, events);
    if (nextExpiry !== null && nextExpiry <= now) {
      for (const id of store.purge(now)) events.push({ type: 'removed', jobId: id });
      nextExpiry = store.nextExpiry();
    }
    claimed = claim(now);
  });

  function pump() {
    pumpQueued = false;
    if (!db.open) return;
    const now = e.now();
    const events: QueueEvent[] = [];
    claimed = [];
    try {
      pumpTx(now, events);
    } catch (err) {
      forget(claimed);
      claimed = [];
      e.log('error', '-', `The queue could not write to its database: ${err instanceof Error ? err.message : String(err)}`);
      return;
    }
    const runs = claimed;
    claimed = [];
    if (events.length > 0) e.emit(events);
    launch(runs);
    refreshDue(now);
  }

  function refreshDue(now: number) {
    nextRunAt = free() > 0 ? store.nextDue(now, blockedQueues(), e.namesJson) : null;
    arm();
  }

  function noteExpiry(t: number | null) {
    if (t !== null && (nextExpiry === null || t < nextExpiry)) nextExpiry = t;
  }

  /** One timer for the earliest of: a deferred job, an expiring result, a cron fire. None when idle. */
  function arm() {
    if (!db.open) return;
    const fire = running ? o.nextFire() : null;
    const at = Math.min(nextRunAt ?? Infinity, nextExpiry ?? Infinity, fire ?? Infinity);
    if (at === timerAt) return;
    if (timer !== null) e.clearTimer(timer);
    timer = null;
    timerAt = null;
    if (at === Infinity) return;
    timerAt = at;
    timer = e.setTimer(() => {
      timer = null;
      timerAt = null;
      if (!db.open) return;
      if (running) o.onTimer(e.now());
      pump();
    }, Math.min(MAX_TIMER_MS, Math.max(0, at - e.now())));
  }

  function wake() {
    if (pumpQueued) return;
    pumpQueued = true;
    setImmediate(pump);
  }

  return {
    claim,
    forget,
    launch,
    wake,
    arm,
    canClaim: () => free() > 0,
    isRunning: () => running,
    activeCount: () => active.size,
    noteRunAt(t: number) {
      if (free() > 0 && (nextRunAt === null || t < nextRunAt)) {
        nextRunAt = t;
        arm();
      }
    },
    noteExpiry(t: number | null) {
      noteExpiry(t);
      arm();
    },
    /** Cancel or remove took the row over: drop the run without recording an outcome. */
    abort(jobId: string, reason: unknown) {
      const run = active.get(jobId);
      if (!run) return;
      run.controller.abort(reason);
      settle(run, { kind: 'none' });
    },
    start() {
      running = true;
      nextExpiry = store.nextExpiry();
      pump();
    },
    setConcurrency(c: { maxJobs?: number; perKeyConcurrency?: number }) {
      if (c.maxJobs !== undefined) o.maxJobs = pq.concurrency = c.maxJobs;
      if (c.perKeyConcurrency !== undefined) o.perKey = c.perKeyConcurrency;
      wake();
    },
    async stop(graceMs: number) {
      running = false;
      arm();
      if (active.size > 0) {
        let t: unknown = null;
        await new Promise<void>((res) => {
          idle = res;
          t = e.setTimer(res, graceMs);
        });
        idle = null;
        e.clearTimer(t);
      }
      for (const run of [...active.values()]) {
        run.controller.abort(new VidKeepError('cancelled', 'VidKeep is shutting down; the job will continue next time.'));
        settle(run, { kind: 'requeue' });
      }
      pump();
      if (timer !== null) e.clearTimer(timer);
      timer = timerAt = null;
    },
  };
}

export type Runner = ReturnType<typeof createRunner>;
