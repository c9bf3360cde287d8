import { VidKeepError } from '../../shared/errors';
import type { Engine } from './engine';
import { errText, MAX_TIMER_MS } from './engine';
import { createDeadlines } from './deadlines';
import type { Outcome } from './outcome';
import { createProgress, newProgressState } from './progress';
import { controllerOf, runContext, type Run } from './run-context';
import { createRecorder } from './record';
import { lockedRetryDelay } from './db-busy';
import { createDueTimer } from './due-timer';
import { PermanentJobError, type QueueEvent } from './types';
import { toView, type JobRow } from './view';
import { jobEvent } from './job-event';

export interface RunnerOptions {
  maxJobs: number;
  perQueue: Record<string, number>;
  perKey: number;
  stopGraceMs: number;
  /** Earliest schedule fire, so the one timer covers cron too. */
  nextFire: () => number | null;
  onTimer: (now: number) => void;
  /** True while jobs under suspicion after a crash wait for their run alone. */
  solo?: () => boolean;
}

export { CLOCK_CHECK_MS } from './due-timer';

/** Claims jobs, runs them, records outcomes in batches, and keeps the one due-timer. */
export function createRunner(e: Engine, o: RunnerOptions) {
  const { store, db } = e;
  // The executor is `active` itself: claims never exceed the free slots (maxJobs and the per-queue
  // and per-key limits, counted until a run gives its slot back), so a claimed run starts at once
  // and nothing ever waits in an in-process queue (p-queue here cost ~10 µs a job and added nothing).
  const deadlines = createDeadlines<Run>(e, (run) => settle(run, { kind: 'timeout' }));
  const progress = createProgress(e);
  const due = createDueTimer(e, {
    nextFire: () => (running ? o.nextFire() : null),
    onDue: (now) => {
      if (running) {
        try {
          o.onTimer(now);
        } catch (err) {
          e.log('error', '-', `A scheduled fire failed: ${errText(err)}`);
        }
      }
      pump();
    },
    busy: () => completions.length > 0,
    canClaim: () => free() > 0,
    blockedQueues: () => blockedQueues(),
  });
  const record = createRecorder(e, (t) => due.noteExpiry(t));
  const active = new Map<string, Run>();
  const stopping = new Map<string, Run>();
  const byQueue = new Map<string, number>();
  const byKey = new Map<string, number>();
  let completions: Array<{ run: Run; outcome: Outcome }> = [];
  /** Runs claimed by the transaction under way: launched after its commit, forgotten if it fails. */
  let claims: Run[] = [];
  /** Stopped runs whose handler has settled since the last pump: their rows are re-sent without `stopping`. */
  let wound: string[] = [];
  let running = false;
  let pumpQueued = false;
  let tokenSeq = 0;
  let idle: (() => void) | null = null;
  let failures = 0;
  let retryTimer: unknown = null;
  /** stop() has finished: nothing may be armed until start() (a late pump must not keep the process alive). */
  let stopped = false;

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
  // The one-statement claim cannot skip a job whose stopped run still winds down; the paged path can.
  const unlimited = () => o.perKey === Infinity && Object.keys(o.perQueue).length === 0 && stopping.size === 0;

  function track(row: JobRow, token: string): Run {
    const run: Run = { row, token, controller: null, deadline: Infinity, done: false, handlerDone: false, slotHeld: true, graceTimer: null, progress: newProgressState(), onCommit: [] };
    active.set(row.id, run);
    bump(byQueue, row.queue, 1);
    if (row.key !== null) bump(byKey, row.key, 1);
    claims.push(run);
    return run;
  }

  /** Claims into `claims`; the caller launches them after the commit (takeClaims) or drops them (dropClaims). */
  function claim(now: number): void {
    let slots = free();
    if (slots <= 0) return;
    if (unlimited()) {
      // No per-queue or per-key limits: one statement claims the first `slots` runnable jobs.
      for (const row of store.claimFirst(now, [...e.paused.queues], e.names, slots, `${e.launchId}.${++tokenSeq}`, e.launchId)) track(row, row.claim_token!);
      return;
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
        if (queueFull(c.queue) || keyFull(c.key) || stopping.has(c.id)) continue;
        const token = `${e.launchId}.${++tokenSeq}`;
        const row = store.claim(c.id, token, e.launchId, now);
        if (!row) continue;
        track(row, token);
        taken++;
        slots--;
      }
      if (rows.length < page) break;
      offset += rows.length - taken;
    }
  }

  function freeSlot(run: Run) {
    if (!run.slotHeld) return;
    run.slotHeld = false;
    active.delete(run.row.id);
    bump(byQueue, run.row.queue, -1);
    if (run.row.key !== null) bump(byKey, run.row.key, -1);
    if (active.size === 0 && idle) idle();
  }

  function takeClaims(): Run[] {
    const runs = claims;
    claims = [];
    return runs;
  }

  /** A claim whose transaction did not commit: its rows are still queued, so nothing may stay counted. */
  function dropClaims() {
    for (const r of claims) freeSlot(r);
    claims = [];
  }

  function launch(runs: Run[]) {
    if (runs.length === 0) return;
    if (e.hasListeners()) e.emit(runs.map((r) => jobEvent('started', r.row)));
    for (const run of runs) execute(run).catch((err: unknown) => e.log('error', run.row.id, `The queue failed to run the job: ${errText(err)}`));
  }

  async function execute(run: Run): Promise<void> {
    const h = e.handlers.get(run.row.name);
    let outcome: Outcome;
    deadlines.add(run, Math.min(run.row.timeout_ms, MAX_TIMER_MS));
    try {
      if (!h) throw new PermanentJobError({ code: 'unknown-job', message: `No handler is registered for "${run.row.name}".` });
      outcome = { kind: 'ok', result: (await h.fn(runContext(e, run, progress))) as unknown };
    } catch (err) {
      outcome = { kind: 'error', err };
    }
    run.handlerDone = true;
    settle(run, outcome);
    if (stopping.get(run.row.id) === run) {
      stopping.delete(run.row.id);
      e.stopping.delete(run.row.id);
      e.clearTimer(run.graceTimer);
      freeSlot(run);
      wound.push(run.row.id);
      wake();
    }
  }

  /**
   * First outcome wins. A run stopped before its handler settled (timeout, cancel, shutdown) keeps
   * its job out of every claim until the handler has settled: a download's handler settles only
   * after yt-dlp and its process group are gone, so two runs of one job never overlap.
   * Its slot stays taken meanwhile too, because maxJobs promises the machine how many downloads
   * work at once and a yt-dlp winding down still holds the network, the disk and its files; but
   * only for stopGraceMs, so a handler that ignores its signal cannot take a slot for good.
   */
  function settle(run: Run, outcome: Outcome) {
    if (run.done) return;
    run.done = true;
    deadlines.remove(run);
    progress.stop(run.progress);
    if (outcome.kind === 'timeout') controllerOf(run).abort(new VidKeepError('timeout', 'The job ran out of time.'));
    if (run.handlerDone) freeSlot(run);
    else {
      stopping.set(run.row.id, run);
      e.stopping.add(run.row.id);
      run.graceTimer = e.setTimer(() => {
        e.log('warn', run.row.id, `The stopped job is still winding down after ${Math.round(o.stopGraceMs / 1000)} s; its slot goes to the next job, it waits.`);
        freeSlot(run);
        wake();
      }, o.stopGraceMs);
    }
    completions.push({ run, outcome });
    wake();
  }

  // Built once: better-sqlite3 wraps four variants per db.transaction() call, a measurable cost per job.
  // Finishing the runs that ended and claiming the next ones is one transaction: one durable commit per job.
  const pumpTx = db.transaction((batch: typeof completions, now: number, events: QueueEvent[]) => {
    due.applyShift(now);
    record(batch, now, events);
    if (due.expiryDue(now)) {
      for (const id of store.purge(now)) events.push({ type: 'removed', jobId: id });
      due.readExpiry();
    }
    claim(now);
  });

  function pump() {
    pumpQueued = false;
    if (!db.open) return;
    if (retryTimer !== null) {
      e.clearTimer(retryTimer);
      retryTimer = null;
    }
    due.checkClock();
    const now = e.now();
    const events: QueueEvent[] = [];
    const batch = completions;
    completions = [];
    claims = [];
    try {
      // BEGIN IMMEDIATE: a lock held elsewhere fails here, before anything is taken, after a short wait.
      e.busy.short(() => pumpTx.immediate(batch, now, events));
    } catch (err) {
      dropClaims();
      due.rollback();
      // Nothing was written: the same outcomes are recorded on the next try, the work is not redone.
      completions = batch.concat(completions);
      failures++;
      if (failures === 1 || failures % 50 === 0) e.log('warn', '-', `The queue could not write to its database (${errText(err)}); it keeps trying.`);
      if (!stopped) {
        retryTimer = e.setTimer(() => {
          retryTimer = null;
          pump();
        }, lockedRetryDelay(failures));
      }
      return;
    }
    due.committed();
    if (failures > 0) e.log('info', '-', 'The queue can write to its database again.');
    failures = 0;
    const runs = takeClaims();
    if (events.length > 0) e.emit(events);
    launch(runs);
    try {
      if (wound.length > 0) {
        const ids = wound;
        wound = [];
        const updated: QueueEvent[] = [];
        for (const id of ids) {
          // Claimed again in this very pump: its 'started' event says it all.
          if (active.get(id)?.slotHeld && runs.some((r) => r.row.id === id)) continue;
          const row = store.get(id);
          if (row && !stopping.has(id)) updated.push({ type: 'updated', job: toView(row) });
        }
        e.emit(updated);
      }
      if (active.size === 0) deadlines.idle();
      due.refresh(now);
    } catch (err) {
      e.log('error', '-', `The queue could not read its database (${errText(err)}); it tries again shortly.`);
      retryTimer = e.setTimer(() => {
        retryTimer = null;
        pump();
      }, lockedRetryDelay(1));
    }
  }

  function wake() {
    if (pumpQueued) return;
    pumpQueued = true;
    setImmediate(pump);
  }

  function waitIdle(ms: number): Promise<void> {
    if (active.size === 0) return Promise.resolve();
    return new Promise<void>((res) => {
      const t = Number.isFinite(ms) ? e.setTimer(() => res(), ms) : null;
      idle = () => {
        idle = null;
        e.clearTimer(t);
        res();
      };
    });
  }

  return {
    claim,
    takeClaims,
    dropClaims,
    launch,
    wake,
    arm: () => due.arm(),
    /** Before an enqueue computes due times: a pending backward step must not shift the new job too. */
    noticeClock() {
      due.checkClock();
      if (!due.hasPendingShift()) return;
      try {
        e.busy.short(() => db.transaction(() => due.applyShift(e.now()))());
        due.committed();
      } catch {
        due.rollback(); // the next pump applies it
      }
      wake();
    },
    canClaim: () => free() > 0,
    isRunning: () => running,
    activeCount: () => active.size,
    noteRunAt: (t: number) => due.noteRunAt(t),
    noteExpiry(t: number | null) {
      due.noteExpiry(t);
      due.arm();
    },
    /** Cancel or remove took the row over: stop the run without recording an outcome. */
    abort(jobId: string, reason: unknown) {
      const run = active.get(jobId);
      if (!run) return;
      controllerOf(run).abort(reason);
      settle(run, { kind: 'none' });
    },
    start() {
      running = true;
      stopped = false;
      due.start();
      pump();
    },
    setConcurrency(c: { maxJobs?: number; perKeyConcurrency?: number }) {
      if (c.maxJobs !== undefined) {
        o.maxJobs = c.maxJobs;
      }
      if (c.perKeyConcurrency !== undefined) o.perKey = c.perKeyConcurrency;
      wake();
    },
    async stop(graceMs: number) {
      running = false;
      due.arm();
      await waitIdle(graceMs);
      for (const run of [...active.values()]) {
        if (run.done) continue;
        controllerOf(run).abort(new VidKeepError('cancelled', 'VidKeep is shutting down; the job will continue next time.', undefined, { reason: 'shutdown' }));
        settle(run, { kind: 'requeue' });
      }
      // Every stopped run gives its slot back once its handler settles, or after stopGraceMs.
      await waitIdle(Infinity);
      // What ended must be written down before the database closes; a lock gets a few short retries.
      for (let i = 1; completions.length > 0 && db.open && i <= 8; i++) {
        pump();
        if (completions.length > 0) await new Promise<void>((r) => e.setTimer(r, lockedRetryDelay(i)));
      }
      pump();
      stopped = true;
      deadlines.idle();
      due.stop();
      if (retryTimer !== null) e.clearTimer(retryTimer);
      retryTimer = null;
    },
  };
}

export type Runner = ReturnType<typeof createRunner>;
