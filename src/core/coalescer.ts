/**
 * Bus events -> contract events, at a bounded rate. This is the only throttle progress passes:
 * progress of every job (and library changes) gathered over one interval go out as one message,
 * so a renderer gets at most ~10 per second however many downloads run. A job's state change
 * goes out at once, and drops its pending progress so a late batch never overtakes a final state.
 */
import type { Bus } from './bus';
import type { QueueJob } from './queue/types';
import type { EventName, Events } from '../shared/contract';
import type { JobView, Progress } from '../shared/types';

export const COALESCE_MS = 100;

export interface CoalescerOptions {
  bus: Bus;
  /** Where contract events go (the hosts listen there). */
  emit: <E extends EventName>(name: E, payload: Events[E]) => void;
  toJobView: (job: QueueJob) => JobView;
  /** A monotonic clock in ms (wall-clock jumps must not stall or flood the throttle). */
  clock?: () => number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (t: unknown) => void;
  intervalMs?: number;
}

export function createCoalescer(o: CoalescerOptions): () => void {
  const clock = o.clock ?? (() => performance.now());
  const setTimer = o.setTimer ?? ((fn: () => void, ms: number) => setTimeout(fn, ms));
  const clearTimer = o.clearTimer ?? ((t: unknown) => clearTimeout(t as NodeJS.Timeout));
  const interval = o.intervalMs ?? COALESCE_MS;
  let progress = new Map<string, Progress>();
  let videoIds: Set<string> | null = null;
  let everything = false;
  let timer: unknown = null;
  let lastFlush = -Infinity;

  const flush = () => {
    timer = null;
    lastFlush = clock();
    if (progress.size > 0) {
      const updates = [...progress].map(([jobId, p]) => ({ jobId, progress: p }));
      progress = new Map();
      o.emit('jobs.progress', { updates });
    }
    if (videoIds !== null) {
      const ids = everything ? [] : [...videoIds];
      videoIds = null;
      everything = false;
      o.emit('library.changed', { videoIds: ids });
    }
  };
  // Leading edge after a quiet spell, then at most one flush per interval.
  const arm = () => {
    if (timer !== null) return;
    timer = setTimer(flush, Math.max(0, lastFlush + interval - clock()));
  };

  const offs = [
    o.bus.on('job', (e) => {
      if (e.type === 'progress') {
        progress.set(e.jobId, e.progress);
        arm();
      } else if (e.type === 'removed') {
        progress.delete(e.jobId);
        o.emit('jobs.changed', { job: null, jobId: e.jobId, kind: 'removed' });
      } else {
        progress.delete(e.job.id);
        o.emit('jobs.changed', { job: o.toJobView(e.job), jobId: e.job.id, kind: e.type });
      }
    }),
    o.bus.on('library.changed', ({ videoIds: ids }) => {
      videoIds ??= new Set();
      if (ids.length === 0) everything = true;
      for (const id of ids) videoIds.add(id);
      arm();
    }),
    o.bus.on('settings.changed', (s) => o.emit('settings.changed', s)),
    o.bus.on('subscriptions.changed', (c) => o.emit('subscriptions.changed', c)),
    o.bus.on('choose.listing', (c) => o.emit('choose.listing', c)),
    o.bus.on('live.changed', (r) => o.emit('live.changed', r)),
    o.bus.on('library.reorganize', (r) => o.emit('library.reorganize', r)),
    o.bus.on('import.changed', (s) => o.emit('import.changed', s)),
  ];
  return () => {
    for (const off of offs) off();
    if (timer !== null) clearTimer(timer);
    timer = null;
  };
}
