import type { Engine } from './engine';
import { MAX_TIMER_MS } from './engine';

interface Timed {
  deadline: number;
}

/**
 * One timer for every running job's timeout, instead of a timer set and cleared per run (a
 * measurable share of a short job). Deadlines are on the monotonic clock. A run that ends is only
 * forgotten; the timer stays armed for the earliest deadline it was set for, and when it fires early
 * (that run ended) it re-arms for the earliest one left. Disarmed when nothing runs (`idle`).
 */
export function createDeadlines<T extends Timed>(e: Engine, onExpired: (run: T) => void) {
  const runs = new Set<T>();
  let timer: unknown = null;
  let timerAt = Infinity;

  function arm(at: number) {
    if (timer !== null) e.clearTimer(timer);
    timerAt = at;
    timer = e.setTimer(fire, Math.min(MAX_TIMER_MS, Math.max(0, at - e.monotonic())));
  }

  function fire() {
    timer = null;
    timerAt = Infinity;
    const now = e.monotonic();
    let next = Infinity;
    for (const r of [...runs]) {
      if (r.deadline <= now) {
        runs.delete(r);
        onExpired(r);
      } else if (r.deadline < next) next = r.deadline;
    }
    if (next !== Infinity && timer === null) arm(next);
  }

  return {
    /** Starts counting `ms` for the run (capped to what a timer can wait; longer waits re-arm). */
    add(run: T, ms: number) {
      run.deadline = e.monotonic() + ms;
      runs.add(run);
      if (run.deadline < timerAt) arm(run.deadline);
    },
    remove(run: T) {
      runs.delete(run);
    },
    /** Nothing runs: no timer may stay armed (an idle queue holds none, and keeps no process alive). */
    idle() {
      if (runs.size > 0 || timer === null) return;
      e.clearTimer(timer);
      timer = null;
      timerAt = Infinity;
    },
  };
}
