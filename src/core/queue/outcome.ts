import { toErrorInfo, type ErrorInfo } from '../../shared/errors';
import { backoffDelay, resolveBackoff } from './backoff';
import { PermanentJobError, RetryJob, type Backoff } from './types';
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

/**
 * The error to store and the delay before the next try (null: never retry).
 * A timeout counts as a try and is retried with the job's backoff while tries remain: a stalled
 * download often works the second time, and maxTries still bounds it.
 */
export function failure(r: JobRow, outcome: Outcome, random: () => number): { info: ErrorInfo; delay: number | null } {
  const backoff = (): number => backoffDelay(r.backoff ? (JSON.parse(r.backoff) as Backoff) : resolveBackoff(undefined), r.tries, random);
  if (outcome.kind === 'timeout') {
    const seconds = Math.round(r.timeout_ms / 1000);
    return { info: { code: 'timeout', message: `"${r.label ?? r.name}" ran longer than ${seconds} s and was stopped.`, hint: 'It is tried again while tries remain.', values: { reason: 'job', job: r.label ?? r.name, seconds } }, delay: backoff() };
  }
  const err = outcome.kind === 'error' ? outcome.err : undefined;
  if (err instanceof PermanentJobError) return { info: err.info, delay: null };
  if (err instanceof RetryJob) return { info: err.info ?? { code: 'internal', message: err.message }, delay: Math.max(0, err.delayMs) };
  return { info: toErrorInfo(err), delay: backoff() };
}
