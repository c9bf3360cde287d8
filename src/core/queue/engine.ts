import type { Db } from '../db/open';
import type { EnqueueOptions, EnqueueResult, HandlerOptions, JobHandler, QueueEvent } from './types';
import type { Store } from './store';
import type { Busy } from './db-busy';

export type TimerFns = {
  /** Every callback is guarded: a throw is logged, never thrown out of the queue. */
  setTimer: (fn: () => void, ms: number) => unknown;
  clearTimer: (handle: unknown) => void;
};

export type LogFn = (level: 'info' | 'warn' | 'error', jobId: string, msg: string) => void;

/** What the engine's parts share: one store, one clock, one event stream. */
export interface Engine extends TimerFns {
  db: Db;
  store: Store;
  /** Wall clock: due times, and every time the user sees. */
  now: () => number;
  /** Monotonic clock: intervals and throttles, which a stepped wall clock must not stretch. */
  monotonic: () => number;
  random: () => number;
  launchId: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  handlers: Map<string, { fn: JobHandler<any, any>; defaults: EnqueueOptions | undefined; options: HandlerOptions }>;
  /** JSON array of registered names, for the claim query. */
  namesJson: string;
  /** The same names as a list. */
  names: string[];
  paused: { all: boolean; queues: Set<string> };
  /** Jobs whose stopped run's handler has not settled yet: never claimed until it has. */
  stopping: Set<string>;
  busy: Busy;
  emit(events: QueueEvent[]): void;
  hasListeners(): boolean;
  log: LogFn;
  enqueue(name: string, payload: unknown, options?: EnqueueOptions): EnqueueResult;
}

/** setTimeout fires at once for delays above 2^31-1 ms; long waits are re-armed instead. */
export const MAX_TIMER_MS = 2_147_483_647;

export const errText = (err: unknown) => (err instanceof Error ? err.message : String(err));
