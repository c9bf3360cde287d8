import { VidKeepError } from '../../shared/errors';
import type { ScheduleView } from '../../shared/types';
import { errText, type Engine } from './engine';
import { lockedRetryDelay } from './db-busy';
import { latestFireBetween, nextFireAfter, parseCron, type CronFields } from './cron-next';
import { buildSpec } from './validate';
import type { EnqueueOptions, ScheduleOptions } from './types';

/** A fire noticed later than this (sleep, closed app) counts as missed and follows catchUp. */
export const MISSED_AFTER_MS = 60_000;

interface Entry {
  opts: ScheduleOptions;
  fields: CronFields;
  createdAt: number;
  last: number | null;
  next: number | null;
  /** After a fire could not be written (a locked database): not before this time, and how often in a row. */
  retryAt: number;
  failures: number;
}

export type FireEnqueue = (name: string, payload: unknown, options: EnqueueOptions, scheduleId: string) => void;

/** Stable spread in [0, staggerMs): the same schedule always lands on the same offset. */
export function staggerOffset(id: string, staggerMs: number): number {
  if (!(staggerMs > 0)) return 0;
  let h = 2166136261;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 16777619);
  return (h >>> 0) % Math.floor(staggerMs);
}

/**
 * Cron fires driven by the queue's one timer (node-cron validates and parses the expressions).
 * A fire enqueues `cron:<id>:<fireTimeMs>`, so a restart or a second instance cannot double it.
 */
export function createScheduler(e: Engine, enqueue: FireEnqueue, wake: () => void) {
  const entries = new Map<string, Entry>();
  const read = e.db.prepare<[string], { created_at: number; last_fire_at: number | null }>('SELECT created_at, last_fire_at FROM schedules WHERE id = ?');
  const upsert = e.db.prepare(`INSERT INTO schedules (id, cron, job_name, catch_up, created_at, last_fire_at, next_fire_at) VALUES (@id, @cron, @jobName, @catchUp, @now, NULL, @next)
    ON CONFLICT (id) DO UPDATE SET cron = excluded.cron, job_name = excluded.job_name, catch_up = excluded.catch_up, next_fire_at = excluded.next_fire_at`);
  const saveFire = e.db.prepare('UPDATE schedules SET last_fire_at = ?, next_fire_at = ? WHERE id = ?');
  const del = e.db.prepare('DELETE FROM schedules WHERE id = ?');
  const running = e.db.prepare<[string], { n: number }>("SELECT count(*) AS n FROM jobs WHERE schedule_id = ? AND state IN ('queued', 'active')");

  function fire(en: Entry, fireAt: number, runAt: number) {
    const { opts } = en;
    if (opts.skipIfRunning && (running.get(opts.id)?.n ?? 0) > 0) return;
    enqueue(opts.jobName, opts.payload ?? null, { ...opts.enqueue, jobId: `cron:${opts.id}:${fireAt}`, runAt }, opts.id);
  }

  /** Handles every schedule whose next fire has come: on time fires, missed ones follow catchUp. */
  function due(now: number) {
    for (const en of entries.values()) {
      if (en.next === null || en.next > now || en.retryAt > now) continue;
      try {
        e.busy.short(() => fireDue(en, now));
        en.failures = 0;
        en.retryAt = 0;
      } catch (err) {
        // Nothing was written (one transaction): the same fire is tried again shortly, never lost or doubled.
        en.failures++;
        en.retryAt = now + lockedRetryDelay(en.failures);
        e.log('warn', '-', `Schedule "${en.opts.id}" could not fire (${errText(err)}); it tries again shortly.`);
      }
    }
  }

  function fireDue(en: Entry, now: number) {
    const latest = latestFireBetween(en.fields, en.last ?? en.createdAt, now);
    let last = en.last;
    const next = nextFireAfter(en.fields, now);
    e.db.transaction(() => {
      if (latest !== null) {
        if (now - latest <= MISSED_AFTER_MS) fire(en, latest, latest + (en.opts.staggerOnTime ? staggerOffset(en.opts.id, en.opts.staggerMs ?? 0) : 0));
        else if (en.opts.catchUp === 'once') fire(en, latest, now + staggerOffset(en.opts.id, en.opts.staggerMs ?? 0));
        last = latest;
      }
      saveFire.run(last, next, en.opts.id);
    })();
    en.last = last;
    en.next = next;
  }

  return {
    due,
    nextFire(): number | null {
      let min: number | null = null;
      for (const en of entries.values()) {
        if (en.next === null) continue;
        const at = Math.max(en.next, en.retryAt);
        if (min === null || at < min) min = at;
      }
      return min;
    },
    schedule(opts: ScheduleOptions) {
      if (typeof opts?.id !== 'string' || opts.id.length === 0 || opts.id.length > 200) throw new VidKeepError('invalid-input', 'A schedule needs an id of 1 to 200 characters.');
      const fields = parseCron(opts.cron);
      if (!e.handlers.has(opts.jobName)) throw new VidKeepError('unknown-job', `Schedule "${opts.id}" names the job "${String(opts.jobName)}", which has no handler.`, 'Register the handler before scheduling it.');
      if (opts.catchUp !== undefined && opts.catchUp !== 'skip' && opts.catchUp !== 'once') throw new VidKeepError('invalid-input', `catchUp must be "skip" or "once" (got ${String(opts.catchUp)}).`);
      if (opts.staggerMs !== undefined && !(Number.isFinite(opts.staggerMs) && opts.staggerMs >= 0)) throw new VidKeepError('invalid-input', 'staggerMs must be a finite number of at least 0.');
      if (opts.enqueue !== undefined && (opts.enqueue === null || typeof opts.enqueue !== 'object')) throw new VidKeepError('invalid-input', `Schedule "${opts.id}": enqueue options must be an object.`);
      const now = e.now();
      // Everything a fire will enqueue is checked now, so a bad option fails here, not at 3 a.m.
      const h = e.handlers.get(opts.jobName)!;
      try {
        buildSpec(opts.jobName, opts.payload ?? null, { ...h.defaults, ...opts.enqueue, jobId: `cron:${opts.id}:${now}`, runAt: now }, now);
      } catch (err) {
        if (err instanceof VidKeepError) throw new VidKeepError(err.code, `Schedule "${opts.id}": ${err.message}`, err.hint);
        throw err;
      }
      const saved = read.get(opts.id);
      const createdAt = saved?.created_at ?? now;
      const last = saved?.last_fire_at ?? null;
      const next = nextFireAfter(fields, last ?? createdAt);
      upsert.run({ id: opts.id, cron: opts.cron, jobName: opts.jobName, catchUp: opts.catchUp ?? 'skip', now, next });
      entries.set(opts.id, { opts: { ...opts, catchUp: opts.catchUp ?? 'skip' }, fields, createdAt, last, next, retryAt: 0, failures: 0 });
      wake();
    },
    unschedule(id: string) {
      const had = entries.delete(id);
      if (del.run(id).changes === 0 && !had) throw new VidKeepError('not-found', `There is no schedule "${String(id)}".`);
      wake();
    },
    list(): ScheduleView[] {
      return [...entries.values()].map((en) => ({
        id: en.opts.id,
        cron: en.opts.cron,
        jobName: en.opts.jobName,
        lastFireAt: en.last,
        nextFireAt: en.next,
        catchUp: en.opts.catchUp ?? 'skip',
        paused: e.paused.all || e.paused.queues.has(en.opts.enqueue?.queue ?? 'default'),
      }));
    },
  };
}
