import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { VidKeepError } from '../../shared/errors';
import { errText, type Engine } from './engine';
import { createBusy } from './db-busy';
import { createStore } from './store';
import { createRunner } from './runner';
import { createScheduler } from './scheduler';
import { createMetrics } from './metrics';
import { createList } from './list';
import { createEnqueue } from './enqueue';
import { cancelDependents } from './deps';
import { recordLaunch, recoverCrashed, suspectsPending } from './recovery';
import { toView } from './view';
import type { Queue, QueueEvent, QueueJob, QueueOptions } from './types';

export * from './types';
export { backoffDelay } from './backoff';

const PAUSED_KEY = 'queue.paused';

export function createQueue(options: QueueOptions): Queue {
  const { db } = options;
  const store = createStore(db);
  const listeners = new Set<(e: QueueEvent) => void>();
  const shutdownGraceMs = options.shutdownGraceMs ?? 10_000;
  const rawSet = options.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
  const notFound = (id: string) => new VidKeepError('not-found', `There is no job "${String(id)}".`, 'It may have finished and been cleared from the history.', { reason: 'job', job: String(id) });

  const e: Engine = {
    db,
    store,
    now: options.now ?? Date.now,
    monotonic: options.monotonic ?? (() => performance.now()),
    random: options.random ?? Math.random,
    launchId: options.launchId ?? randomUUID(),
    // A throw from a timer callback would be an uncaught exception: the process would exit.
    setTimer: (fn, ms) =>
      rawSet(() => {
        try {
          fn();
        } catch (err) {
          e.log('error', '-', `A queue timer failed: ${errText(err)}`);
        }
      }, ms),
    clearTimer: options.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>)),
    stopping: new Set(),
    busy: createBusy(db),
    handlers: new Map(),
    namesJson: '[]',
    names: [],
    paused: { all: false, queues: new Set() },
    emit(events) {
      for (const ev of events) {
        if (e.stopping.size > 0 && 'job' in ev) mark(ev.job);
        for (const l of listeners) {
          try {
            l(ev);
          } catch (err) {
            e.log('error', 'jobId' in ev ? ev.jobId : 'job' in ev ? ev.job.id : '-', `An event listener threw: ${errText(err)}`);
          }
        }
      }
    },
    hasListeners: () => listeners.size > 0,
    log: options.log ?? ((level, jobId, msg) => console[level](`[queue ${jobId}] ${msg}`)),
    enqueue: (name, payload, opts) => enq.one(name, payload, opts),
  };

  /** `stopping` is this process's knowledge (a handler still winding down), not a column. */
  function mark(v: QueueJob): QueueJob {
    if (e.stopping.has(v.id)) v.stopping = true;
    return v;
  }

  const savedPause = store.readSetting(PAUSED_KEY);
  if (savedPause) {
    try {
      const p = JSON.parse(savedPause) as { all?: boolean; queues?: string[] };
      e.paused.all = p.all === true;
      e.paused.queues = new Set(p.queues ?? []);
    } catch {
      // a damaged value means nothing paused; it is rewritten on the next pause or resume
    }
  }

  const scheduler = createScheduler(e, (name, payload, opts, scheduleId) => void enq.many([{ name, payload, options: opts }], scheduleId), () => runner.arm());
  const runner = createRunner(e, {
    maxJobs: options.maxJobs ?? 10,
    perQueue: { ...options.perQueueConcurrency },
    perKey: options.perKeyConcurrency ?? Infinity,
    stopGraceMs: options.stopGraceMs ?? 30_000,
    nextFire: () => scheduler.nextFire(),
    onTimer: (now) => scheduler.due(now),
    solo: () => suspects(),
  });
  let suspects = () => false;
  const enq = createEnqueue(e, runner);
  const metrics = createMetrics(db);
  const list = createList(db);

  const mustGet = (id: string) => {
    const row = typeof id === 'string' ? store.get(id) : undefined;
    if (!row) throw notFound(id);
    return row;
  };
  const savePause = () => {
    store.writeSetting(PAUSED_KEY, JSON.stringify({ all: e.paused.all, queues: [...e.paused.queues] }));
    runner.wake();
  };

  const queue: Queue = {
    launchId: e.launchId,
    register(name, handler, opts) {
      if (typeof name !== 'string' || name.length === 0) throw new VidKeepError('invalid-input', 'A job name must be a non-empty text.');
      if (typeof handler !== 'function') throw new VidKeepError('invalid-input', `The handler for "${name}" must be a function.`);
      if (opts?.onTimeout !== undefined && opts.onTimeout !== 'retry' && opts.onTimeout !== 'fail') throw new VidKeepError('invalid-input', `onTimeout must be "retry" or "fail" (got ${String(opts.onTimeout)}).`);
      e.handlers.set(name, { fn: handler, defaults: opts?.defaults, options: opts ?? {} });
      e.names = [...e.handlers.keys()];
      e.namesJson = JSON.stringify(e.names);
      runner.wake();
    },
    enqueue: (name, payload, opts) => enq.one(name, payload, opts),
    enqueueMany: (items) => enq.many(items, null),
    get: (id) => {
      const row = typeof id === 'string' ? store.get(id) : undefined;
      return row ? mark(toView(row)) : null;
    },
    list(q) {
      const page = list(q);
      if (e.stopping.size > 0) page.items.forEach(mark);
      return page;
    },
    cancel(id, reason) {
      mustGet(id);
      const now = e.now();
      const events: QueueEvent[] = [];
      const error = JSON.stringify({ code: 'cancelled', message: reason ?? 'Cancelled.', values: { reason: 'other' } });
      const row = db.transaction(() => {
        const r = store.cancel(id, now, error);
        if (r) cancelDependents(store, id, 'was cancelled', now, events);
        return r;
      })();
      if (!row) throw new VidKeepError('invalid-input', `Job "${id}" has already finished; there is nothing to cancel.`, undefined, { reason: 'notCancellable', job: id });
      runner.abort(id, new VidKeepError('cancelled', reason ?? 'Cancelled.'));
      runner.noteExpiry(row.expires_at);
      const view = mark(toView(row));
      e.emit([{ type: 'cancelled', job: view }, ...events]);
      return view;
    },
    retry(id, opts) {
      const cur = mustGet(id);
      if (cur.state !== 'failed' && cur.state !== 'cancelled') throw new VidKeepError('invalid-input', `Only failed or cancelled jobs can be retried; "${id}" is ${cur.state}.`, undefined, { reason: 'notRetryable', job: id, state: cur.state });
      const timeout = opts?.timeoutMs;
      if (timeout !== undefined && !(typeof timeout === 'number' && Number.isFinite(timeout) && timeout >= 1)) throw new VidKeepError('invalid-input', `timeoutMs must be a finite number of at least 1 (got ${String(timeout)}).`);
      const now = e.now();
      // Requeued now, yet it starts only once a stopped run of it has settled (see runner.settle).
      const row = db.transaction(() => store.requeue(id, now, store.pendingDeps(id), timeout ?? null))();
      if (!row) throw notFound(id);
      const view = mark(toView(row));
      e.emit([{ type: 'updated', job: view }]);
      runner.wake();
      return view;
    },
    remove(id) {
      const cur = typeof id === 'string' ? store.get(id) : undefined;
      if (!cur) return false;
      if (cur.state === 'active' || cur.state === 'queued') queue.cancel(id, 'Removed.');
      store.remove(id);
      e.emit([{ type: 'removed', jobId: id }]);
      return true;
    },
    promote(id) {
      const cur = mustGet(id);
      if (cur.state !== 'queued') throw new VidKeepError('invalid-input', `Only queued jobs can be moved to the front; "${id}" is ${cur.state}.`, undefined, { reason: 'notPromotable', job: id, state: cur.state });
      const row = store.promote(id, e.now());
      if (!row) throw notFound(id);
      const view = toView(row);
      e.emit([{ type: 'updated', job: view }]);
      runner.wake();
      return view;
    },
    pause(name) {
      if (name === undefined) e.paused.all = true;
      else e.paused.queues.add(name);
      savePause();
    },
    resume(name) {
      if (name === undefined) e.paused.all = false;
      else e.paused.queues.delete(name);
      savePause();
    },
    metrics: () => metrics(e.now(), e.paused),
    schedule: (o) => scheduler.schedule(o),
    unschedule: (id) => scheduler.unschedule(id),
    schedules: () => scheduler.list(),
    setConcurrency(c) {
      for (const [k, v] of Object.entries(c)) {
        if (v !== undefined && !(Number.isInteger(v) && v >= 1) && v !== Infinity) throw new VidKeepError('invalid-input', `${k} must be a whole number of at least 1.`);
      }
      runner.setConcurrency(c);
    },
    on(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    catchUp() {
      if (!runner.isRunning()) return;
      scheduler.due(e.now());
      runner.arm();
    },
    async start() {
      if (runner.isRunning()) return;
      const events: QueueEvent[] = [];
      recordLaunch(db, e.launchId, e.now());
      recoverCrashed(db, store, e.launchId, e.now(), events);
      suspects = suspectsPending(db);
      e.emit(events);
      await options.onStartup?.();
      runner.start();
      queue.catchUp();
    },
    async stop() {
      await runner.stop(shutdownGraceMs);
      if (db.open) db.prepare('UPDATE launches SET ended_at = ? WHERE id = ?').run(e.now(), e.launchId);
      await options.onShutdown?.();
    },
  };
  return queue;
}

