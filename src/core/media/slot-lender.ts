import type { Queue } from '../queue/types';

/**
 * Media follow-up jobs (poster frames, duration probes), imports and a library reorganize run beside
 * downloads, not in their slots.
 * The queue has one cap for all jobs, so while a media job runs the cap is raised by one: a media
 * job is claimed into a free slot like any job, borrows a slot at once, and the next download is
 * claimed into it. Downloads (and other jobs) therefore still get `base()` slots, media jobs are
 * bounded by their own queue's limit, and no engine change is needed.
 *
 * The slot must be given back before the queue can claim into it again: a media handler returns it
 * in `finally` (before its outcome is recorded) and on its signal's abort (which a timeout, cancel
 * or shutdown fires before the run is settled), so downloads never exceed `base()`.
 */
export interface SlotLender {
  /** Raises the cap by one; the function returned gives it back (calling it again does nothing). */
  borrow(): () => void;
  /** Slots lent right now. */
  lent(): number;
}

export function createSlotLender(queue: Pick<Queue, 'setConcurrency'>, base: () => number): SlotLender {
  let lent = 0;
  const apply = () => queue.setConcurrency({ maxJobs: base() + lent });
  return {
    borrow() {
      lent++;
      apply();
      let back = false;
      return () => {
        if (back) return;
        back = true;
        lent--;
        apply();
      };
    },
    lent: () => lent,
  };
}

/**
 * Runs a job's work in a borrowed slot. A timeout, cancel or shutdown settles the run before the
 * handler returns, so the slot goes back on the signal's abort as well as at the end.
 */
export async function inBorrowedSlot<T>(borrow: (() => () => void) | undefined, signal: AbortSignal, work: () => Promise<T>): Promise<T> {
  if (!borrow) return work();
  const giveBack = borrow();
  signal.addEventListener('abort', giveBack, { once: true });
  try {
    return await work();
  } finally {
    signal.removeEventListener('abort', giveBack);
    giveBack();
  }
}
