import { toErrorInfo, type ErrorInfo } from '../../shared/errors';
import { backoffDelay, resolveBackoff } from './backoff';
import { PermanentJobError, RetryJob, type Backoff, type HandlerOptions } from './types';
import type { JobRow } from './view';

/** How a run ended. 'requeue' is a shutdown (no try spent); 'none' means cancel/remove already wrote the row. */
export type Outcome = { kind: 'ok'; result: unknown } | { kind: 'error'; err: unknown } | { kind: 'timeout' } | { kind: 'requeue' } | { kind: 'none' };

export const json = (v: unknown): string | null => {
  try {
    return v === undefined ? null : (JSON.stringify(v) ?? null);
  } catch {
    return null;
  }
};

/** "90 s", "45 minutes", "3 h": the limit as the user set it, roughly. */
export function limitText(ms: number): string {
  if (ms < 120_000) return `${Math.round(ms / 1000)} s`;
  if (ms < 3 * 3_600_000 || ms % 3_600_000 !== 0) return `${Math.round(ms / 60_000)} minutes`;
  return `${ms / 3_600_000} h`;
}

/**
 * The error to store and the delay before the next try (null: never retry).
 * A timeout counts as a try and, by default, is retried with the job's backoff while tries remain
 * (a stalled transfer often works the second time). A job type whose time limit is the user's own
 * budget (`onTimeout: 'fail'`, downloads) fails at once: trying again would spend the budget twice.
 */
export function failure(r: JobRow, outcome: Outcome, random: () => number, h?: HandlerOptions): { info: ErrorInfo; delay: number | null } {
  const backoff = (): number => backoffDelay(r.backoff ? (JSON.parse(r.backoff) as Backoff) : resolveBackoff(undefined), r.tries, random);
  if (outcome.kind === 'timeout') {
    const final = h?.onTimeout === 'fail';
    const message = `"${r.label ?? r.name}" took longer than its time limit of ${limitText(r.timeout_ms)} and was stopped.`;
    const hint = h?.timeoutHint ?? (final ? 'Retry it to try again.' : 'It is tried again while tries remain.');
    // The UI words it from these; a job type's own hint (downloads': raise the limit in Settings) is 'custom'.
    const values = { reason: 'job', job: r.label ?? r.name, limitMs: r.timeout_ms, then: h?.timeoutHint ? 'custom' : final ? 'retry' : 'again' };
    return { info: { code: 'timeout', message, hint, values }, delay: final ? null : backoff() };
  }
  const err = outcome.kind === 'error' ? outcome.err : undefined;
  if (err instanceof PermanentJobError) return { info: err.info, delay: null };
  if (err instanceof RetryJob) return { info: err.info ?? { code: 'internal', message: err.message }, delay: Math.max(0, err.delayMs) };
  return { info: toErrorInfo(err), delay: backoff() };
}
