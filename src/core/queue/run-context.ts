import type { Engine } from './engine';
import { errText } from './engine';
import type { ProgressState, createProgress } from './progress';
import type { JobContext } from './types';
import { toView, type JobRow } from './view';

/** One run of a job: its claim, its signal, its outcome so far. */
export interface Run {
  row: JobRow;
  token: string;
  /** Made when first needed (most handlers never look at their signal). */
  controller: AbortController | null;
  timer: unknown;
  /** An outcome was taken (the first wins). */
  done: boolean;
  /** The handler's promise has settled: nothing of this run is still working. */
  handlerDone: boolean;
  /** Counted against maxJobs and the per-queue/per-key limits. */
  slotHeld: boolean;
  graceTimer: unknown;
  progress: ProgressState;
  onCommit: Array<() => void>;
}

/** Made when first needed (most handlers never look at their signal). */
export const controllerOf = (run: Run) => (run.controller ??= new AbortController());

/** What a handler gets for one run. */
export function runContext(e: Engine, run: Run, progress: ReturnType<typeof createProgress>): JobContext {
  const { row } = run;
  return {
    jobId: row.id,
    name: row.name,
    payload: JSON.parse(row.payload) as unknown,
    tryNumber: row.tries,
    maxTries: row.max_tries,
    get signal() {
      return controllerOf(run).signal;
    },
    progress: (p) => void (!run.done && progress.report(row.id, run.token, run.progress, p)),
    setLabel: (label) => {
      if (run.done) return;
      try {
        const r = e.busy.short(() => e.store.setLabel(row.id, String(label).slice(0, 500)));
        if (r) {
          row.label = r.label; // the finish builds the final row from this one
          e.emit([{ type: 'updated', job: toView(r) }]);
        }
      } catch (err) {
        // A label is cosmetic: a locked database must not fail the download for it.
        e.log('warn', row.id, `The job's label could not be saved: ${errText(err)}`);
      }
    },
    log: { info: (m) => e.log('info', row.id, m), warn: (m) => e.log('warn', row.id, m), error: (m) => e.log('error', row.id, m) },
    enqueue: (name, payload, options) => e.enqueue(name, payload, options),
    onCommit: (fn) => void run.onCommit.push(fn),
  };
}
