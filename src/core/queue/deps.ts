import type { QueueEvent } from './types';
import type { Store } from './store';
import { toView } from './view';

/** Cancels everything waiting on `jobId`, and what waits on those, with a reason naming the cause. */
export function cancelDependents(store: Store, jobId: string, what: 'failed' | 'was cancelled' | 'was removed', now: number, events: QueueEvent[]): void {
  const stack: Array<{ id: string; cause: string }> = [{ id: jobId, cause: what }];
  while (stack.length > 0) {
    const { id, cause } = stack.pop()!;
    for (const dep of store.dependents(id)) {
      const error = JSON.stringify({ code: 'dependency-failed', message: `Cancelled because the job it needed (${id}) ${cause}.`, hint: 'Retry that job, then retry this one.', values: { reason: cause === 'failed' ? 'failed' : 'cancelled', job: id } });
      const row = store.cancel(dep, now, error);
      if (row) {
        events.push({ type: 'cancelled', job: toView(row) });
        stack.push({ id: dep, cause: 'was cancelled' });
      }
    }
  }
}
