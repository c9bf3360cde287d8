/**
 * Queue rows -> the contract's domain views, in one place. Payloads and results are read through
 * their schemas, so nothing outside core ever casts a payload or parses a label.
 */
import type { QueueJob } from './queue/types';
import { JOB_NAMES, type JobView } from '../shared/job';
import { downloadResultSchema, type Download, type DownloadStage } from '../shared/download';
import type { SubscriptionCheck } from '../shared/subscription-check';
import { checkPayloadSchema, checkResultSchema, downloadPayloadSchema } from './job-payloads';

export interface ViewContext {
  /** A subscription's title (or link), for checks queued before their payload carried it. */
  subscriptionTitle?: (id: string) => string | null;
}

// yt-dlp smuggles data into playlist entries' URLs after a '#'; people need not see it.
const displayUrl = (url: string) => url.replace(/#__youtubedl_smuggle=.*$/, '');

function stageOf(job: QueueJob, stopping: boolean): DownloadStage {
  if (stopping) return 'stopping';
  if (job.state === 'succeeded') return 'done';
  if (job.state === 'queued') return 'waiting';
  return job.progress?.stage ?? 'waiting';
}

export function toDownload(job: QueueJob): Download | null {
  if (job.name !== JOB_NAMES.download) return null;
  const payload = downloadPayloadSchema.safeParse(job.payload);
  if (!payload.success) return null;
  const p = payload.data;
  const parsed = job.result === null ? null : downloadResultSchema.safeParse(job.result);
  const result = parsed?.success ? parsed.data : null;
  const videoId = result && 'videoId' in result ? result.videoId : result && 'alreadyKept' in result ? result.alreadyKept : null;
  const stopping = job.stopping === true;
  return {
    id: job.id,
    url: displayUrl(p.url),
    title: job.progress?.title || job.label || displayUrl(p.url),
    thumbnail: job.progress?.thumbnailUrl ?? null,
    state: job.state,
    stage: stageOf(job, stopping),
    stopping,
    progress: job.progress,
    options: p.options,
    origin: p.origin ?? (p.subscriptionId ? 'subscription' : 'pasted'),
    subscriptionId: p.subscriptionId ?? null,
    playlist: p.playlist ?? null,
    result,
    videoId,
    error: job.error,
    tries: job.tries,
    maxTries: job.maxTries,
    priority: job.priority,
    runAt: job.runAt,
    createdAt: job.createdAt,
    startedAt: job.startedAt,
    finishedAt: job.finishedAt,
  };
}

export function toSubscriptionCheck(job: QueueJob, ctx: ViewContext = {}): SubscriptionCheck | null {
  if (job.name !== JOB_NAMES.subscriptionCheck) return null;
  const payload = checkPayloadSchema.safeParse(job.payload);
  if (!payload.success) return null;
  const p = payload.data;
  const parsed = job.result === null ? null : checkResultSchema.safeParse(job.result);
  const result = parsed?.success ? parsed.data : null;
  return {
    id: job.id,
    subscriptionId: p.subscriptionId,
    title: result?.title || ctx.subscriptionTitle?.(p.subscriptionId) || p.title || p.subscriptionId,
    state: job.state,
    manual: p.manual === true,
    queued: result ? result.queued : null,
    looked: result ? result.looked : null,
    error: job.error,
    createdAt: job.createdAt,
    startedAt: job.startedAt,
    finishedAt: job.finishedAt,
  };
}

export function toJobView(job: QueueJob, ctx: ViewContext = {}): JobView {
  return {
    id: job.id,
    name: job.name,
    queue: job.queue,
    state: job.state,
    priority: job.priority,
    tries: job.tries,
    maxTries: job.maxTries,
    runAt: job.runAt,
    createdAt: job.createdAt,
    startedAt: job.startedAt,
    finishedAt: job.finishedAt,
    error: job.error,
    progress: job.progress,
    label: job.label,
    stopping: job.stopping === true,
    download: toDownload(job),
    check: toSubscriptionCheck(job, ctx),
  };
}
