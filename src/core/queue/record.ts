import type { Engine } from './engine';
import { failure, json, type Outcome } from './outcome';
import { cancelDependents } from './deps';
import { DeferJob, type QueueEvent } from './types';
import { toView, type JobRow } from './view';
import { jobEvent } from './job-event';
import type { ProgressState } from './progress';
import { isBusy } from './db-busy';
import type { FinishArgs } from './store';

/** What recording needs to know about a finished run. */
export interface Finished {
  row: JobRow;
  token: string;
  progress: ProgressState;
  onCommit: Array<() => void>;
}

/** An error thrown by a handler's onCommit work: the try fails (the database itself was fine). */
class OnCommitError extends Error {
  constructor(readonly inner: unknown) {
    super('onCommit failed');
  }
}

/**
 * Writes finished runs inside the pump's transaction. A database error (a lock held by another
 * program, say) is thrown so the whole batch rolls back and is recorded again later: a run that
 * succeeded must never be written down as a failed try because the file was busy.
 */
export function createRecorder(e: Engine, noteExpiry: (t: number | null) => void) {
  const { store, db } = e;
  return (batch: Array<{ run: Finished; outcome: Outcome }>, now: number, events: QueueEvent[]) => {
    for (const c of batch) {
      const run = c.run;
      let outcome = c.outcome;
      const r = run.row;
      if (outcome.kind === 'none') continue;
      const base = { token: run.token, now, runAt: r.run_at, result: null, error: null, triesDelta: 0, progress: run.progress.latest ? JSON.stringify(run.progress.latest) : null };
      if (outcome.kind === 'requeue') {
        const row = store.finish(r, { ...base, state: 'queued', error: r.error, triesDelta: -1 });
        if (row) events.push(jobEvent('updated', row));
        continue;
      }
      if (outcome.kind === 'ok') {
        // A literal, not a spread of `base`: this is the path every short job takes.
        const args: FinishArgs = { token: run.token, state: 'succeeded', now, runAt: r.run_at, error: null, result: json(outcome.result), progress: base.progress, triesDelta: 0 };
        try {
          // A savepoint only when onCommit work has to roll back with the finish if it throws.
          const row =
            run.onCommit.length === 0
              ? store.finish(r, args)
              : db.transaction(() => {
                  const done = store.finish(r, args);
                  if (done) {
                    for (const fn of run.onCommit) {
                      try {
                        fn();
                      } catch (err) {
                        throw isBusy(err) ? err : new OnCommitError(err);
                      }
                    }
                  }
                  return done;
                })();
          if (!row) continue;
          store.releaseDependents(r.id);
          events.push(jobEvent('succeeded', row));
          noteExpiry(row.expires_at);
          continue;
        } catch (err) {
          if (!(err instanceof OnCommitError)) throw err;
          outcome = { kind: 'error', err: err.inner };
        }
      }
      if (outcome.kind === 'error' && outcome.err instanceof DeferJob) {
        // The try this run was claimed with is given back: the wait was not the job's doing.
        const delay = Math.max(0, outcome.err.delayMs);
        const row = store.finish(r, { ...base, state: 'queued', runAt: now + delay, error: JSON.stringify(outcome.err.info), triesDelta: -1 });
        if (row) events.push({ type: 'retrying', job: toView(row), delayMs: delay });
        continue;
      }
      const handler = e.handlers.get(r.name);
      const { info, delay } = failure(r, outcome, e.random, handler?.options);
      if (delay !== null && r.tries < r.max_tries) {
        const row = store.finish(r, { ...base, state: 'queued', runAt: now + delay, error: JSON.stringify(info) });
        if (row) events.push({ type: 'retrying', job: toView(row), delayMs: delay });
        continue;
      }
      const row = store.finish(r, { ...base, state: 'failed', error: JSON.stringify(info) });
      if (!row) continue;
      events.push(jobEvent('failed', row));
      noteExpiry(row.expires_at);
      cancelDependents(store, r.id, 'failed', now, events);
    }
  };
}
