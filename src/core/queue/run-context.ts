import type { Engine } from './engine';
import { errText } from './engine';
import type { ProgressState, createProgress } from './progress';
import type { EnqueueOptions, JobContext, JobLogger } from './types';
import type { Progress } from '../../shared/types';
import { toView, type JobRow } from './view';

/** One run of a job: its claim, its signal, its outcome so far. */
export interface Run {
  row: JobRow;
  token: string;
  /** Made when first needed (most handlers never look at their signal). */
  controller: AbortController | null;
  /** When the run times out, on the monotonic clock (see deadlines.ts). */
  deadline: number;
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

type ProgressFns = ReturnType<typeof createProgress>;

/**
 * What a handler gets for one run. A class with getters rather than an object of closures: made
 * once per run on the queue's hot path, it builds only what the handler touches (the payload is
 * parsed on first read; functions are made on first read, so destructuring them still works).
 */
class RunContext implements JobContext {
  #payload: unknown = undefined;
  #parsed = false;
  #progress: ((p: Progress) => void) | null = null;
  #setLabel: ((label: string) => void) | null = null;
  #log: JobLogger | null = null;
  #enqueue: JobContext['enqueue'] | null = null;
  #onCommit: ((fn: () => void) => void) | null = null;

  constructor(
    private readonly e: Engine,
    private readonly run: Run,
    private readonly fns: ProgressFns,
  ) {}

  get jobId() {
    return this.run.row.id;
  }
  get name() {
    return this.run.row.name;
  }
  get payload(): unknown {
    if (!this.#parsed) {
      this.#payload = JSON.parse(this.run.row.payload) as unknown;
      this.#parsed = true;
    }
    return this.#payload;
  }
  get tryNumber() {
    return this.run.row.tries;
  }
  get maxTries() {
    return this.run.row.max_tries;
  }
  get signal() {
    return controllerOf(this.run).signal;
  }
  get progress() {
    const { run, fns } = this;
    return (this.#progress ??= (p: Progress) => void (!run.done && fns.report(run.row.id, run.token, run.progress, p)));
  }
  get setLabel() {
    const { e, run } = this;
    return (this.#setLabel ??= (label: string) => {
      if (run.done) return;
      const { row } = run;
      try {
        const r = e.busy.short(() => e.store.setLabel(row.id, String(label).slice(0, 500)));
        if (r) {
          // The finish builds the final row from this one; replaced, not edited, because events
          // already emitted build their views from the old one when read (job-event.ts).
          run.row = { ...row, label: r.label };
          e.emit([{ type: 'updated', job: toView(r) }]);
        }
      } catch (err) {
        // A label is cosmetic: a locked database must not fail the download for it.
        e.log('warn', row.id, `The job's label could not be saved: ${errText(err)}`);
      }
    });
  }
  get log() {
    const { e } = this;
    const id = this.run.row.id;
    return (this.#log ??= { info: (m) => e.log('info', id, m), warn: (m) => e.log('warn', id, m), error: (m) => e.log('error', id, m) });
  }
  get enqueue() {
    const { e } = this;
    return (this.#enqueue ??= (name: string, payload: unknown, options?: EnqueueOptions) => e.enqueue(name, payload, options));
  }
  get onCommit() {
    const { run } = this;
    return (this.#onCommit ??= (fn: () => void) => void run.onCommit.push(fn));
  }
}

export function runContext(e: Engine, run: Run, progress: ProgressFns): JobContext {
  return new RunContext(e, run, progress);
}
