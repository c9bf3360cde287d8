import type { Db } from '../db/open';
import type { EnqueueOptions, EnqueueResult, JobHandler, QueueEvent } from './types';
import type { Store } from './store';

export type TimerFns = {
  setTimer: (fn: () => void, ms: number) => unknown;
  clearTimer: (handle: unknown) => void;
};

export type LogFn = (level: 'info' | 'warn' | 'error', jobId: string, msg: string) => void;

/** What the engine's parts share: one store, one clock, one event stream. */
export interface Engine extends TimerFns {
  db: Db;
  store: Store;
  now: () => number;
  random: () => number;
  launchId: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  handlers: Map<string, { fn: JobHandler<any, any>; defaults: EnqueueOptions | undefined }>;
  /** JSON array of registered names, for the claim query. */
  namesJson: string;
  /** The same names as a list. */
  names: string[];
  paused: { all: boolean; queues: Set<string> };
  emit(events: QueueEvent[]): void;
  hasListeners(): boolean;
  log: LogFn;
  enqueue(name: string, payload: unknown, options?: EnqueueOptions): EnqueueResult;
}

/** setTimeout fires at once for delays above 2^31-1 ms; long waits are re-armed instead. */
export const MAX_TIMER_MS = 2_147_483_647;
