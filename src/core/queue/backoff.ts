import type { Backoff } from './types';

export const DEFAULT_BACKOFF: Backoff = { type: 'fixed', delayMs: 60_000 };
/** Exponential backoff without an explicit cap stops growing at one hour. */
export const DEFAULT_MAX_DELAY_MS = 3_600_000;

/**
 * Delay before try `tryNumber + 1`, after `tryNumber` failed (1-based).
 * Jitter takes up to that fraction off the delay, so it never exceeds the cap.
 */
export function backoffDelay(b: Backoff, tryNumber: number, random: () => number = Math.random): number {
  let d = b.type === 'exponential' ? b.delayMs * 2 ** Math.max(0, tryNumber - 1) : b.delayMs;
  const cap = b.maxDelayMs ?? (b.type === 'exponential' ? DEFAULT_MAX_DELAY_MS : Infinity);
  d = Math.min(d, cap);
  const jitter = Math.min(1, Math.max(0, b.jitter ?? 0));
  if (jitter > 0) d -= d * jitter * random();
  return Math.max(0, Math.round(d));
}

export function resolveBackoff(p: Partial<Backoff> | undefined): Backoff {
  if (!p) return DEFAULT_BACKOFF;
  return { ...DEFAULT_BACKOFF, ...p };
}
