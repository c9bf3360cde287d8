/**
 * The only place a channel is declared. Each invoke channel has a zod schema for its request;
 * hosts validate with it and carry messages, nothing more.
 */
import { z } from 'zod';
import type {
  AppInfo,
  JobView,
  Page,
  QueueMetrics,
  ArchiveImport,
  ScheduleView,
  Settings,
  Subscription,
  Video,
  Progress,
} from './types';
import type { ErrorInfo } from './errors';
import { CHANNEL_NAMES, EVENT_NAMES } from './channels';
import { LANGUAGE_CHOICES } from './i18n';

const id = z.string().min(1).max(200);
const limit = z.number().int().min(1).max(500);
const cursor = z.string().max(100).optional();

export const downloadOptionsSchema = z.object({
  quality: z.enum(['best', '1080p', '720p', '480p']),
  audioOnly: z.boolean(),
  audioFormat: z.enum(['m4a', 'mp3']),
  subtitles: z.boolean(),
});

export const subscriptionFiltersSchema = z
  .object({
    titleIncludes: z.string().max(200).optional(),
    titleExcludes: z.string().max(200).optional(),
    minDurationSec: z.number().int().min(0).max(100 * 3600).optional(),
    maxDurationSec: z.number().int().min(1).max(100 * 3600).optional(),
    after: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like 2026-01-31').optional(),
  })
  .strict();
export const subscriptionRetentionSchema = z
  .object({
    keepLast: z.number().int().min(1).max(100_000).optional(),
    keepDays: z.number().int().min(1).max(36_500).optional(),
  })
  .strict();
/** Largest download-archive text one request carries; the renderer sends bigger files in parts. */
export const MAX_ARCHIVE_CHARS = 200_000;

export const schemas = {
  'app.info': z.object({}).strict(),
  'jobs.add': z
    .object({
      urls: z.array(z.string().max(10_000)).min(1).max(1000),
      options: downloadOptionsSchema.partial().optional(),
      confirmPlaylist: z.boolean().optional(),
    })
    .strict(),
  'jobs.list': z
    .object({
      state: z.enum(['queued', 'active', 'succeeded', 'failed', 'cancelled']).optional(),
      queue: z.string().max(100).optional(),
      /** Only jobs of this kind, e.g. 'download'. */
      name: z.string().max(100).optional(),
      limit,
      cursor,
    })
    .strict(),
  'jobs.get': z.object({ jobId: id }).strict(),
  'jobs.cancel': z.object({ jobId: id }).strict(),
  'jobs.retry': z.object({ jobId: id }).strict(),
  'jobs.remove': z.object({ jobId: id }).strict(),
  'jobs.promote': z.object({ jobId: id }).strict(),
  'queue.pause': z.object({ queue: z.string().max(100).optional() }).strict(),
  'queue.resume': z.object({ queue: z.string().max(100).optional() }).strict(),
  'queue.metrics': z.object({}).strict(),
  'queue.schedules': z.object({}).strict(),
  'library.search': z
    .object({
      query: z.string().max(500),
      limit,
      cursor,
      sort: z.enum(['added', 'title', 'duration', 'uploader']).optional(),
      site: z.string().max(100).optional(),
      kind: z.enum(['all', 'video', 'audio']).optional(),
      subscriptionId: id.optional(),
    })
    .strict(),
  'library.get': z.object({ videoId: id }).strict(),
  'library.delete': z.object({ videoId: id }).strict(),
  'library.reveal': z.object({ videoId: id }).strict(),
  'library.sites': z.object({}).strict(),
  'library.setKeep': z.object({ videoId: id, keep: z.boolean() }).strict(),
  'settings.get': z.object({}).strict(),
  'settings.set': z
    .object({
      libraryDir: z.string().min(1).max(4096).regex(/^(\/|[A-Za-z]:[\\/]|\\\\)/, 'must be a full path (for example /home/you/Videos)').optional(),
      maxConcurrent: z.number().int().min(1).max(10).optional(),
      perSiteConcurrent: z.number().int().min(1).max(10).optional(),
      maxTries: z.number().int().min(1).max(10).optional(),
      timeoutMinutes: z.number().int().min(1).max(24 * 60).optional(),
      defaults: downloadOptionsSchema.partial().optional(),
      ytDlpPath: z.string().max(4096).optional(),
      theme: z.enum(['system', 'light', 'dark']).optional(),
      clipboardWatcher: z.boolean().optional(),
      language: z.enum(LANGUAGE_CHOICES).optional(),
    })
    .strict(),
  'tools.updateYtDlp': z.object({}).strict(),
  'subscriptions.list': z.object({}).strict(),
  'subscriptions.add': z
    .object({
      url: z.string().min(1).max(10_000),
      cron: z.string().min(1).max(100).optional(),
      filters: subscriptionFiltersSchema.optional(),
      options: downloadOptionsSchema.partial().optional(),
      retention: subscriptionRetentionSchema.optional(),
      initial: z.enum(['new', 'last', 'all']).optional(),
      initialCount: z.number().int().min(1).max(10_000).optional(),
    })
    .strict(),
  'subscriptions.update': z
    .object({
      id,
      cron: z.string().min(1).max(100).optional(),
      filters: subscriptionFiltersSchema.optional(),
      options: downloadOptionsSchema.partial().optional(),
      retention: subscriptionRetentionSchema.optional(),
    })
    .strict(),
  'subscriptions.remove': z.object({ id }).strict(),
  /** Without an id: every subscription. */
  'subscriptions.pause': z.object({ id: id.optional() }).strict(),
  'subscriptions.resume': z.object({ id: id.optional() }).strict(),
  'subscriptions.check': z.object({ id }).strict(),
  'subscriptions.importArchive': z.object({ text: z.string().max(MAX_ARCHIVE_CHARS) }).strict(),
  'subscriptions.exportArchive': z.object({}).strict(),
} as const;

export interface AddedJob {
  url: string;
  jobId?: string;
  /** Set when this URL was already queued: the existing job. */
  duplicateOf?: string;
  /** Set when the video is already in the library. */
  videoId?: string;
  error?: ErrorInfo;
}

export interface Invoke {
  'app.info': { req: z.infer<(typeof schemas)['app.info']>; res: AppInfo };
  'jobs.add': { req: z.infer<(typeof schemas)['jobs.add']>; res: { jobs: AddedJob[] } };
  'jobs.list': { req: z.infer<(typeof schemas)['jobs.list']>; res: Page<JobView> };
  'jobs.get': { req: z.infer<(typeof schemas)['jobs.get']>; res: JobView };
  'jobs.cancel': { req: z.infer<(typeof schemas)['jobs.cancel']>; res: JobView };
  'jobs.retry': { req: z.infer<(typeof schemas)['jobs.retry']>; res: JobView };
  'jobs.remove': { req: z.infer<(typeof schemas)['jobs.remove']>; res: { removed: boolean } };
  'jobs.promote': { req: z.infer<(typeof schemas)['jobs.promote']>; res: JobView };
  'queue.pause': { req: z.infer<(typeof schemas)['queue.pause']>; res: QueueMetrics };
  'queue.resume': { req: z.infer<(typeof schemas)['queue.resume']>; res: QueueMetrics };
  'queue.metrics': { req: z.infer<(typeof schemas)['queue.metrics']>; res: QueueMetrics };
  'queue.schedules': { req: z.infer<(typeof schemas)['queue.schedules']>; res: ScheduleView[] };
  'library.search': { req: z.infer<(typeof schemas)['library.search']>; res: Page<Video> };
  'library.get': { req: z.infer<(typeof schemas)['library.get']>; res: Video };
  'library.delete': { req: z.infer<(typeof schemas)['library.delete']>; res: { deleted: boolean } };
  'library.reveal': { req: z.infer<(typeof schemas)['library.reveal']>; res: { path: string } };
  'library.sites': { req: z.infer<(typeof schemas)['library.sites']>; res: string[] };
  'library.setKeep': { req: z.infer<(typeof schemas)['library.setKeep']>; res: Video };
  'settings.get': { req: z.infer<(typeof schemas)['settings.get']>; res: Settings };
  'settings.set': { req: z.infer<(typeof schemas)['settings.set']>; res: Settings };
  'tools.updateYtDlp': { req: z.infer<(typeof schemas)['tools.updateYtDlp']>; res: AppInfo };
  'subscriptions.list': { req: z.infer<(typeof schemas)['subscriptions.list']>; res: Subscription[] };
  'subscriptions.add': { req: z.infer<(typeof schemas)['subscriptions.add']>; res: Subscription };
  'subscriptions.update': { req: z.infer<(typeof schemas)['subscriptions.update']>; res: Subscription };
  'subscriptions.remove': { req: z.infer<(typeof schemas)['subscriptions.remove']>; res: { removed: boolean } };
  'subscriptions.pause': { req: z.infer<(typeof schemas)['subscriptions.pause']>; res: Subscription[] };
  'subscriptions.resume': { req: z.infer<(typeof schemas)['subscriptions.resume']>; res: Subscription[] };
  /** Queues a check now; `already` when one is queued or running. */
  'subscriptions.check': { req: z.infer<(typeof schemas)['subscriptions.check']>; res: { jobId: string; already: boolean } };
  'subscriptions.importArchive': { req: z.infer<(typeof schemas)['subscriptions.importArchive']>; res: ArchiveImport };
  /** yt-dlp download-archive text: `site id` per line, for everything kept or imported. */
  'subscriptions.exportArchive': { req: z.infer<(typeof schemas)['subscriptions.exportArchive']>; res: { text: string; count: number } };
}

export type Channel = keyof Invoke;
export type Req<C extends Channel> = Invoke[C]['req'];
export type Res<C extends Channel> = Invoke[C]['res'];

export interface Events {
  /** Coalesced: at most ~10 batches a second. */
  'jobs.progress': { updates: Array<{ jobId: string; progress: Progress }> };
  /** A job was added, started, retried, finished, failed, cancelled or removed. */
  'jobs.changed': { job: JobView | null; jobId: string; kind: JobEventKind };
  'library.changed': { videoIds: string[] };
  'settings.changed': Settings;
  /** A subscription was added, changed, checked or removed (then `subscription` is null). */
  'subscriptions.changed': { id: string; subscription: Subscription | null };
}
export type JobEventKind = 'added' | 'started' | 'retrying' | 'succeeded' | 'failed' | 'cancelled' | 'removed' | 'updated';
export type EventName = keyof Events;

export const CHANNELS: readonly Channel[] = CHANNEL_NAMES;
export { EVENT_NAMES };
// Compile-time: the plain name lists and the schema/type maps hold exactly the same names.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const CHANNEL_LISTS_MATCH: Same<(typeof CHANNEL_NAMES)[number], keyof typeof schemas> = true;
export const EVENT_LISTS_MATCH: Same<(typeof EVENT_NAMES)[number], EventName> = true;

export type Handlers = { [C in Channel]: (req: Req<C>) => Promise<Res<C>> | Res<C> };

/** What crosses either transport in reply to an invoke. */
export type InvokeResult<T> = { ok: true; value: T } | { ok: false; error: ErrorInfo };

/** Cap on any one message from a renderer, in bytes. */
export const MAX_MESSAGE_BYTES = 256 * 1024;
