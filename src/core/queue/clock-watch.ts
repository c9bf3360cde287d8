/** A wall clock moving this much more or less than the monotonic clock between two checks is a step, not drift. */
export const CLOCK_STEP_MS = 1_000;

/**
 * Notices a stepped wall clock (NTP, a manual change) by comparing wall and monotonic deltas.
 * Two clock reads: cheap enough for every pump and enqueue. Returns the step in ms (0 if none).
 */
export function createClockWatch(now: () => number, monotonic: () => number) {
  let offset = now() - monotonic();
  return () => {
    const o = now() - monotonic();
    const step = o - offset;
    offset = o;
    return Math.abs(step) >= CLOCK_STEP_MS ? step : 0;
  };
}
