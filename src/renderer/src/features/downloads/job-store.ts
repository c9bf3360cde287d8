/**
 * Downloads and their progress, kept outside React. The list re-renders when a job is added, changes
 * state or goes away; a progress batch only wakes the rows whose job it mentions.
 */
import { api } from '../../lib/api';
import { asErrorInfo } from '../../lib/errors';
import { JOB_NAMES, type Download, type JobView, type Progress } from '../../../../shared/types';
import type { ErrorInfo } from '../../../../shared/errors';

export interface JobsSnapshot {
  jobs: Download[];
  loading: boolean;
  error: ErrorInfo | null;
  total: number;
  nextCursor: string | undefined;
}

const PAGE = 200;
const byId = new Map<string, Download>();
const progress = new Map<string, Progress | null>();
const rowSubs = new Map<string, Set<() => void>>();
const listSubs = new Set<() => void>();
let snapshot: JobsSnapshot = { jobs: [], loading: true, error: null, total: 0, nextCursor: undefined };
let started = false;
let flushQueued = false;

const rank = (j: Download) => (j.state === 'active' ? 0 : j.state === 'queued' ? 1 : 2);

/** The same order jobs.list uses: running, then queued in run order, then finished newest first. */
function compare(a: Download, b: Download): number {
  const r = rank(a) - rank(b);
  if (r !== 0) return r;
  if (a.state === 'active') return (a.startedAt ?? 0) - (b.startedAt ?? 0);
  if (a.state === 'queued') return b.priority - a.priority || a.runAt - b.runAt || a.createdAt - b.createdAt;
  return (b.finishedAt ?? 0) - (a.finishedAt ?? 0);
}

function update(patch: Partial<JobsSnapshot>): void {
  snapshot = { ...snapshot, ...patch };
  for (const s of listSubs) s();
}

/** Bursts of jobs.changed (1,000 URLs pasted at once) become one list render. */
function scheduleFlush(): void {
  if (flushQueued) return;
  flushQueued = true;
  setTimeout(() => {
    flushQueued = false;
    const removed = snapshot.jobs.length - byId.size;
    update({ jobs: [...byId.values()].sort(compare), total: Math.max(byId.size, snapshot.total - Math.max(0, removed)) });
  }, 16);
}

function notifyRow(id: string): void {
  for (const s of rowSubs.get(id) ?? []) s();
}

/** The downloads of a page of jobs (a row no longer readable as a download is left out). */
const downloadsOf = (jobs: JobView[]): Download[] => jobs.flatMap((j) => (j.download ? [j.download] : []));

function upsert(job: Download): void {
  byId.set(job.id, job);
  if (job.progress !== undefined) {
    progress.set(job.id, job.progress);
    notifyRow(job.id);
  }
}

async function loadFirst(): Promise<void> {
  try {
    const page = await api.invoke('jobs.list', { limit: PAGE, name: JOB_NAMES.download });
    byId.clear();
    for (const j of downloadsOf(page.items)) upsert(j);
    update({ jobs: [...byId.values()].sort(compare), loading: false, error: null, total: page.total, nextCursor: page.nextCursor });
  } catch (e) {
    update({ loading: false, error: asErrorInfo(e) });
  }
}

export async function loadMoreJobs(): Promise<void> {
  const cursor = snapshot.nextCursor;
  if (!cursor) return;
  try {
    const page = await api.invoke('jobs.list', { limit: PAGE, cursor, name: JOB_NAMES.download });
    for (const j of downloadsOf(page.items)) upsert(j);
    update({ jobs: [...byId.values()].sort(compare), total: page.total, nextCursor: page.nextCursor });
  } catch (e) {
    update({ error: asErrorInfo(e) });
  }
}

export function startJobStore(): void {
  if (started) return;
  started = true;
  api.on('jobs.changed', ({ job, jobId, kind }) => {
    // Subscription checks are shown in Subscriptions and the Queue, not as downloads.
    if (job && !job.download) return;
    if (kind === 'removed' || !job?.download) {
      byId.delete(jobId);
      progress.delete(jobId);
    } else upsert(job.download);
    scheduleFlush();
  });
  api.on('jobs.progress', ({ updates }) => {
    for (const u of updates) {
      progress.set(u.jobId, u.progress);
      notifyRow(u.jobId);
    }
  });
  api.onConnection(({ connected }) => {
    if (connected) void loadFirst();
  });
  void loadFirst();
}

export const jobStore = {
  subscribe(fn: () => void): () => void {
    startJobStore();
    listSubs.add(fn);
    return () => listSubs.delete(fn);
  },
  get: (): JobsSnapshot => snapshot,
  subscribeRow(id: string, fn: () => void): () => void {
    let set = rowSubs.get(id);
    if (!set) rowSubs.set(id, (set = new Set()));
    set.add(fn);
    return () => {
      set.delete(fn);
      if (set.size === 0) rowSubs.delete(id);
    };
  },
  progress: (id: string): Progress | null => progress.get(id) ?? null,
  job: (id: string): Download | undefined => byId.get(id),
  /** Applies a job returned by an action (cancel/retry/promote) without waiting for the event. */
  apply(job: JobView): void {
    if (!job.download) return;
    upsert(job.download);
    scheduleFlush();
  },
  forget(id: string): void {
    byId.delete(id);
    scheduleFlush();
  },
};
