/**
 * "Reorganize library" as one queue job (durable, resumed after a crash or quit), its status for
 * the UI (throttled), and the count the confirmation shows. The layout and library folder are read
 * when the job runs, so a job resumed after a restart uses what is chosen then.
 */
import type { Db } from '../../db/open';
import { inBorrowedSlot } from '../../media/slot-lender';
import type { Queue, QueueJob } from '../../queue/types';
import type { LayoutSetting } from '../layout/index';
import type { ReorganizePreview, ReorganizeStatus } from '../../../shared/reorganize';
import type { ErrorView } from '../../../shared/errors';
import { createReorganizer, type ReorganizeProgress, type ReorganizeResult } from './engine';
import type { FsOps } from './fs-ops';
import { layoutTarget } from './target';

export const REORGANIZE_JOB = 'library.reorganize';
/** One at a time: a second start finds this id queued or running. */
export const REORGANIZE_JOB_ID = 'library.reorganize';
const STATUS_EVERY_MS = 100;

export interface ReorganizeServiceOptions {
  db: Db;
  queue: Queue;
  libraryDir: () => string;
  layout: () => LayoutSetting;
  /** Video paths changed (the library's change event). */
  onChange: (videoIds: string[]) => void;
  /** Status for the UI, at most every 100 ms and on every state change. */
  onStatus: (s: ReorganizeStatus) => void;
  fs?: FsOps;
  now?: () => number;
  monotonic?: () => number;
  /** A reorganize runs in a slot of its own, never a download's (slot-lender.ts). */
  borrowSlot?: () => () => void;
}

export interface ReorganizeService {
  start(): { status: ReorganizeStatus; already: boolean };
  status(): ReorganizeStatus;
  preview(): ReorganizePreview;
  /** Finishes or rolls back moves a killed launch left; run before anything reads video paths. */
  recover(): Promise<number>;
}

const isResult = (r: unknown): r is ReorganizeResult => typeof r === 'object' && r !== null && 'moved' in r && 'skipped' in r;
const STATE = { queued: 'queued', active: 'running', succeeded: 'succeeded', failed: 'failed', cancelled: 'cancelled' } as const;

export function createReorganizeService(o: ReorganizeServiceOptions): ReorganizeService {
  const mono = o.monotonic ?? (() => performance.now());
  const engine = () => createReorganizer({ db: o.db, root: o.libraryDir(), ...(o.fs ? { fs: o.fs } : {}), ...(o.now ? { now: o.now } : {}) });
  let live: ReorganizeProgress | null = null;
  let lastSent = -Infinity;

  const status = (): ReorganizeStatus => {
    const job = o.queue.get(REORGANIZE_JOB_ID);
    const base: ReorganizeStatus = { state: 'idle', jobId: null, done: 0, total: 0, moved: 0, skipped: 0, current: null, stopping: false, error: null, skippedItems: [] };
    if (!job) return base;
    const r = isResult(job.result) ? job.result : null;
    const p = r ? { done: r.done, total: r.total, moved: r.moved, skipped: r.skippedCount, current: null } : (live ?? { done: 0, total: 0, moved: 0, skipped: 0, current: null });
    return {
      ...base,
      ...p,
      state: STATE[job.state],
      jobId: job.id,
      current: job.state === 'active' ? p.current : null,
      stopping: job.stopping === true,
      error: job.state === 'failed' || job.state === 'cancelled' ? (job.error as ErrorView | null) : null,
      skippedItems: r ? r.skipped : [],
    };
  };
  let trailing: ReturnType<typeof setTimeout> | null = null;
  const send = () => {
    if (trailing) clearTimeout(trailing);
    trailing = null;
    lastSent = mono();
    // A late timer after shutdown closed the database has nothing to say.
    if (o.db.open) o.onStatus(status());
  };
  // At most every 100 ms, and the last report always goes out: a video that takes long to copy is
  // named on screen while it is copied.
  const sendSoon = () => {
    const wait = lastSent + STATUS_EVERY_MS - mono();
    if (wait <= 0) send();
    else trailing ??= setTimeout(send, wait).unref();
  };

  o.queue.register<unknown, ReorganizeResult>(
    REORGANIZE_JOB,
    async (ctx) => {
      // Reset per run but kept after it: a cancelled run still says how far it got.
      live = null;
      return inBorrowedSlot(o.borrowSlot, ctx.signal, () => engine().run({
        target: layoutTarget(o.db, o.layout()),
        signal: ctx.signal,
        onChange: o.onChange,
        onProgress(p) {
          live = p;
          ctx.progress({ stage: 'post-processing', percent: p.total > 0 ? (100 * p.done) / p.total : null, downloadedBytes: null, totalBytes: null, speed: null, eta: null, ...(p.current ? { title: p.current } : {}) });
          sendSoon();
        },
      }));
    },
    // Moving a large library takes long; a shutdown re-queues it without spending a try.
    { defaults: { maxTries: 3, timeoutMs: 7 * 24 * 3_600_000, keepResultMs: 7 * 24 * 3_600_000, keepFailedMs: 7 * 24 * 3_600_000 } },
  );
  o.queue.on((e) => {
    const id = e.type === 'removed' || e.type === 'progress' ? e.jobId : e.job.id;
    if (id === REORGANIZE_JOB_ID && e.type !== 'progress') send();
  });

  return {
    start() {
      const job: QueueJob | null = o.queue.get(REORGANIZE_JOB_ID);
      if (job && (job.state === 'queued' || job.state === 'active')) return { status: status(), already: true };
      // The last run's outcome stays on screen until a new run replaces it.
      if (job) o.queue.remove(REORGANIZE_JOB_ID);
      o.queue.enqueue(REORGANIZE_JOB, {}, { jobId: REORGANIZE_JOB_ID });
      return { status: status(), already: false };
    },
    status,
    preview: () => engine().preview(layoutTarget(o.db, o.layout())),
    recover: () => engine().recover(),
  };
}
