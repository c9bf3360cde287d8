import type { QueueEvent, QueueJob } from './types';
import { toView, type JobRow } from './view';

type RowEvent = Exclude<QueueEvent, { type: 'progress' | 'removed' | 'retrying' }>;

/**
 * An event whose job view is built on first read: parsing payload, result and error for every
 * start and finish was a large share of a short job, and most events are read by nobody or for
 * their type alone. `job` is an own enumerable getter, so spreading, JSON and structuredClone
 * still see it. The row must not change afterwards (runs replace their row instead of editing it).
 */
export function jobEvent<T extends RowEvent['type']>(type: T, row: JobRow): Extract<RowEvent, { type: T }> {
  let view: QueueJob | null = null;
  return {
    type,
    get job() {
      return (view ??= toView(row));
    },
  } as Extract<RowEvent, { type: T }>;
}
