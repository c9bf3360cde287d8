/**
 * The queue engine's public shape. The engine (store, runner, scheduler, metrics) implements it;
 * job handlers (downloads, subscriptions) and core/api.ts depend only on this file.
 */
import type { Db } from '../db/open';
import type { Req } from '../../shared/contract';
import type { ErrorInfo } from '../../shared/errors';
import type { JobState, Millis, Progress, QueueMetrics, ScheduleView } from '../../shared/types';

/**
 * A job as the queue stores it: payload and result are whatever its handler uses. Only core's
 * view mapper (core/views.ts) turns it into the contract's typed views.
 */
export interface QueueJob {
  id: string;
  name: string;
  queue: string;
  state: JobState;
  payload: unknown;
  priority: number;
  tries: number;
  maxTries: number;
  runAt: Millis;
  createdAt: Millis;
  startedAt: Millis | null;
  finishedAt: Millis | null;
  error: ErrorInfo | null;
  result: unknown;
  progress: Progress | null;
  /** A short label for lists: the title once known, the URL before. */
  label: string;
  /**
   * Set while a stopped run (cancel, timeout, shutdown) is still winding down (yt-dlp exiting);
   * the job cannot run again until it has. Absent otherwise.
   */
  stopping?: boolean;
}

export type Clock = () => Millis;

export interface Backoff {
  type: 'fixed' | 'exponential';
  /** First delay in ms (default 60 s). */
  delayMs: number;
  /** Upper bound for exponential backoff. */
  maxDelayMs?: number;
  /** 0..1, fraction of the delay randomised. */
  jitter?: number;
}

export interface EnqueueOptions {
  /** Dedup key: the same id while queued, active or kept returns the existing job. */
  jobId?: string;
  queue?: string;
  priority?: number;
  deferByMs?: number;
  runAt?: Millis;
  maxTries?: number;
  timeoutMs?: number;
  backoff?: Partial<Backoff>;
  keepResultMs?: number;
  keepFailedMs?: number;
  /** Concurrency key, e.g. the website: at most `perKeyConcurrency` run at once per key. */
  key?: string;
  /** Start only after these jobs succeeded; cancelled with a reason if one fails for good. */
  dependsOn?: string[];
  /** Free text shown in lists before the handler reports a title. */
  label?: string;
}

export interface EnqueueResult {
  jobId: string;
  /** True when a job with that id already existed and was returned instead. */
  existing: boolean;
  job: QueueJob;
}

export interface JobLogger {
  info(msg: string): void;
  warn(msg: string): void;
  error(msg: string): void;
}

export interface JobContext<P = unknown> {
  jobId: string;
  name: string;
  payload: P;
  /** 1 for the first try. */
  tryNumber: number;
  maxTries: number;
  signal: AbortSignal;
  /** Cheap to call often: events are coalesced and the database is written at most every ~2 s. */
  progress(p: Progress): void;
  /** Replace the job's label (e.g. the title once probed). */
  setLabel(label: string): void;
  log: JobLogger;
  /** Enqueue follow-up jobs (e.g. playlist entries) from inside a handler. */
  enqueue(name: string, payload: unknown, options?: EnqueueOptions): EnqueueResult;
  /**
   * Runs `fn` inside the transaction that records this job's success (and only if it does), so
   * writes to the same database happen exactly once even across crashes. If `fn` throws, the
   * try fails instead.
   */
  onCommit?(fn: () => void): void;
}

export type JobHandler<P = unknown, R = unknown> = (ctx: JobContext<P>) => Promise<R>;

export interface HandlerOptions {
  /** Defaults applied to every job of this name. */
  defaults?: EnqueueOptions;
  /**
   * What a run that exceeds its `timeoutMs` becomes: 'retry' (default) counts a try and retries
   * with backoff; 'fail' fails the job at once with code `timeout` (the limit is a budget the user
   * chose, so a second try would overspend it).
   */
  onTimeout?: 'retry' | 'fail';
  /** The hint stored with a timeout error (e.g. where the limit is set). */
  timeoutHint?: string;
}

/** Throw to retry at a given delay (counts as a try). */
export class RetryJob extends Error {
  constructor(public readonly delayMs: number, public readonly info?: ErrorInfo) {
    super(info?.message ?? `retry in ${delayMs} ms`);
    this.name = 'RetryJob';
  }
}

/**
 * Throw to put the job back until `delayMs` from now without spending a try: for waits something
 * else imposed (a site that asked us to slow down), not failures of the job's own. Recorded like
 * a retry (a 'retrying' event, the info stored as the job's error), guarded by the claim token.
 * The handler bounds how often it defers; the queue does not.
 */
export class DeferJob extends Error {
  constructor(public readonly delayMs: number, public readonly info: ErrorInfo) {
    super(info.message);
    this.name = 'DeferJob';
  }
}

/** Throw to fail without retrying. */
export class PermanentJobError extends Error {
  constructor(public readonly info: ErrorInfo) {
    super(info.message);
    this.name = 'PermanentJobError';
  }
}

/** The contract's jobs.list request. */
export type ListQuery = Req<'jobs.list'>;

export type QueueEvent =
  | { type: 'added'; job: QueueJob }
  | { type: 'started'; job: QueueJob }
  | { type: 'progress'; jobId: string; progress: Progress }
  | { type: 'retrying'; job: QueueJob; delayMs: number }
  | { type: 'succeeded'; job: QueueJob }
  | { type: 'failed'; job: QueueJob }
  | { type: 'cancelled'; job: QueueJob }
  | { type: 'removed'; jobId: string }
  | { type: 'updated'; job: QueueJob };

export interface ScheduleOptions {
  /** Unique, stable id for the schedule. */
  id: string;
  cron: string;
  jobName: string;
  payload?: unknown;
  enqueue?: EnqueueOptions;
  /** Skip a fire while the previous run of this schedule is still queued or active. */
  skipIfRunning?: boolean;
  /** What to do with fires missed while closed or asleep. */
  catchUp?: 'skip' | 'once';
  /** Spread catch-up fires so many schedules do not fire in the same second. */
  staggerMs?: number;
  /** Also spread on-time fires by the same stable offset (many schedules sharing one cron). */
  staggerOnTime?: boolean;
}

export interface QueueOptions {
  db: Db;
  now?: Clock;
  maxJobs?: number;
  perQueueConcurrency?: Record<string, number>;
  perKeyConcurrency?: number;
  /** Shutdown waits this long for running jobs before aborting them. */
  shutdownGraceMs?: number;
  onStartup?: () => void | Promise<void>;
  onShutdown?: () => void | Promise<void>;
  /** Launch id recorded on claims (defaults to a random id). */
  launchId?: string;
  /** Timers are injected for unit tests. */
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
  /** Monotonic ms for intervals and throttles (default performance.now); injected for unit tests. */
  monotonic?: () => number;
  /**
   * How long a stopped run (timeout, cancel, shutdown) keeps its slot while its handler winds down
   * (default 30 s). The job itself never runs again before its handler has settled.
   */
  stopGraceMs?: number;
  /** Random source for backoff jitter (injected for unit tests). */
  random?: () => number;
  /** Where handler logs go (default: console, prefixed with the job id). */
  log?: (level: 'info' | 'warn' | 'error', jobId: string, msg: string) => void;
}

export interface Queue {
  readonly launchId: string;
  register<P, R>(name: string, handler: JobHandler<P, R>, options?: HandlerOptions): void;
  enqueue(name: string, payload: unknown, options?: EnqueueOptions): EnqueueResult;
  enqueueMany(items: Array<{ name: string; payload: unknown; options?: EnqueueOptions }>): EnqueueResult[];
  get(jobId: string): QueueJob | null;
  list(query: ListQuery): { items: QueueJob[]; total: number; nextCursor?: string };
  cancel(jobId: string, reason?: string): QueueJob;
  /** `timeoutMs`: a new time limit for the next runs (e.g. the user raised it in Settings). */
  retry(jobId: string, options?: { timeoutMs?: number }): QueueJob;
  remove(jobId: string): boolean;
  promote(jobId: string): QueueJob;
  pause(queue?: string): void;
  resume(queue?: string): void;
  metrics(): QueueMetrics;
  schedule(options: ScheduleOptions): void;
  unschedule(id: string): void;
  schedules(): ScheduleView[];
  setConcurrency(options: { maxJobs?: number; perKeyConcurrency?: number }): void;
  on(listener: (event: QueueEvent) => void): () => void;
  /** Enqueues cron fires missed while asleep (per each schedule's catchUp); the host calls it on resume. Also run by start(). */
  catchUp(): void;
  /** Recovers a crashed launch's jobs, runs startup hooks, starts claiming. */
  start(): Promise<void>;
  /** Stops claiming, waits up to the grace period, aborts the rest and re-queues them without spending a try. */
  stop(): Promise<void>;
}
