import type { EventHub } from './events';
import type { Queue } from './queue/types';
import type { Progress } from '../shared/types';

const BATCH_MS = 100;

/**
 * Queue events -> contract events. Progress from every job is gathered into one batch per
 * ~100 ms, so a renderer gets at most ~10 messages a second however many downloads run.
 */
export function bridgeQueueEvents(queue: Queue, events: EventHub): () => void {
  let pending = new Map<string, Progress>();
  let timer: NodeJS.Timeout | null = null;
  const flush = () => {
    timer = null;
    if (pending.size === 0) return;
    const updates = [...pending].map(([jobId, progress]) => ({ jobId, progress }));
    pending = new Map();
    events.emit('jobs.progress', { updates });
  };
  const off = queue.on((e) => {
    if (e.type === 'progress') {
      pending.set(e.jobId, e.progress);
      timer ??= setTimeout(flush, BATCH_MS);
      return;
    }
    if (e.type === 'removed') {
      pending.delete(e.jobId);
      events.emit('jobs.changed', { job: null, jobId: e.jobId, kind: 'removed' });
      return;
    }
    // A final state must never be overtaken by a late progress batch.
    pending.delete(e.job.id);
    events.emit('jobs.changed', { job: e.job, jobId: e.job.id, kind: e.type });
  });
  return () => {
    off();
    if (timer) clearTimeout(timer);
  };
}
