import type { Engine } from './engine';
import { MAX_TIMER_MS } from './engine';
import { createClockWatch } from './clock-watch';

/** While something is due later, the timer still wakes this often, so a stepped wall clock is noticed. */
export const CLOCK_CHECK_MS = 60_000;

export interface DueTimerHooks {
  /** Earliest schedule fire (null when none or not running). */
  nextFire: () => number | null;
  /** The earliest due time came: fire schedules and pump. */
  onDue: (now: number) => void;
  /** Whether a pump is needed anyway (outcomes waiting to be recorded). */
  busy: () => boolean;
  /** Whether a slot is free (only then does a deferred job's due time matter). */
  canClaim: () => boolean;
  blockedQueues: () => string;
}

/**
 * The queue's one timer, for the earliest of: a deferred job, an expiring result, a cron fire.
 * None when idle. Due times are wall-clock; a step of the wall clock is noticed by comparing it
 * with the monotonic clock, and after a step back pending delays keep their length.
 */
export function createDueTimer(e: Engine, h: DueTimerHooks) {
  const { store, db } = e;
  const clockStep = createClockWatch(e.now, e.monotonic);
  let nextRunAt: number | null = null;
  let nextExpiry: number | null = null;
  let timer: unknown = null;
  let timerAt: number | null = null;
  /** Disarmed for good until start(): a late pump must not keep a stopped process alive. */
  let stopped = false;
  /** A backward step not yet applied to the due times; `shifted` is what the open transaction applied. */
  let pendingShift = 0;
  let shifted = 0;

  function clear() {
    if (timer !== null) e.clearTimer(timer);
    timer = timerAt = null;
  }

  function arm() {
    if (!db.open || stopped) return;
    const fire = h.nextFire();
    const at = Math.min(nextRunAt ?? Infinity, nextExpiry ?? Infinity, fire ?? Infinity);
    if (at === timerAt) return;
    clear();
    if (at === Infinity) return;
    timerAt = at;
    const wait = Math.max(0, at - e.now());
    timer = e.setTimer(() => {
      timer = timerAt = null;
      if (!db.open) return;
      const now = e.now();
      if (at > now) {
        // Woken early (a clock check, a long wait): look at the clock and arm again.
        checkClock();
        if (pendingShift === 0 && !h.busy()) return refresh(e.now());
      }
      h.onDue(now);
    }, Math.min(MAX_TIMER_MS, CLOCK_CHECK_MS, wait));
  }

  function refresh(now: number) {
    nextRunAt = h.canClaim() ? store.nextDue(now, h.blockedQueues(), e.namesJson) : null;
    arm();
  }

  /** A stepped wall clock: the timer is armed again, and a step back is remembered for applyShift. */
  function checkClock() {
    const step = clockStep();
    if (step === 0) return;
    e.log('info', '-', `The system clock moved by ${Math.round(step / 1000)} s.`);
    // Back: a job deferred by 30 s must not also wait out the step. Forward: what came due runs now.
    if (step < 0) pendingShift += step;
    clear();
  }

  return {
    arm,
    refresh,
    checkClock,
    hasPendingShift: () => pendingShift !== 0,
    /** Inside a transaction: moves future due times back by a pending step. */
    applyShift(now: number) {
      if (pendingShift === 0) return;
      store.shiftDue(now, pendingShift);
      shifted += pendingShift;
      pendingShift = 0;
    },
    /** The transaction rolled back: the shift is pending again. */
    rollback() {
      pendingShift += shifted;
      shifted = 0;
    },
    committed() {
      shifted = 0;
    },
    noteRunAt(t: number) {
      if (h.canClaim() && (nextRunAt === null || t < nextRunAt)) {
        nextRunAt = t;
        arm();
      }
    },
    noteExpiry(t: number | null) {
      if (t !== null && (nextExpiry === null || t < nextExpiry)) nextExpiry = t;
    },
    expiryDue: (now: number) => nextExpiry !== null && nextExpiry <= now,
    /** After a purge: the next expiry from the table. */
    readExpiry() {
      nextExpiry = store.nextExpiry();
    },
    start() {
      stopped = false;
      nextExpiry = store.nextExpiry();
    },
    stop() {
      stopped = true;
      clear();
    },
  };
}

export type DueTimer = ReturnType<typeof createDueTimer>;
