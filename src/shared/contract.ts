/**
 * The only place a channel is declared. Each invoke channel has a zod schema for its request;
 * hosts validate with it and carry messages, nothing more.
 */
import { z } from 'zod';
import { errorViewSchema, type ErrorInfo } from './errors';
import { jobStateSchema, pageOf, progressSchema } from './progress';
import { downloadOptionsSchema, presetOptionsSchema, requestOriginSchema } from './download';
import { jobViewSchema } from './job';
import { collectionSchema, librarySortSchema, playbackInfoSchema, subtitleHitSchema, videoSchema, watchFilterSchema } from './video';
import { archiveImportSchema, initialFetchSchema, subscriptionFiltersSchema, subscriptionRetentionSchema, subscriptionSchema } from './subscription';
import { settingsSchema, themeSchema } from './settings';
import { layoutPreviewSchema, layoutSettingSchema } from './layout';
import { libraryDiskSchema } from './disk';
import { appInfoSchema } from './app-info';
import { queueMetricsSchema, scheduleViewSchema } from './queue';
import { CHANNEL_NAMES, EVENT_NAMES } from './channels';
import { backgroundSchema, clipRangeSchema, compatibilitySchema, liveRecordingSchema, playlistPageSchema, probeSchema, sponsorBlockSchema } from './choose';
import { LANGUAGE_CHOICES } from './i18n';
import { reorganizePreviewSchema, reorganizeStatusSchema } from './reorganize';
import { importStartSchema, importStatusSchema } from './import';
import { BROWSERS, bandwidthSchema, cookieSiteSchema, pacingSchema, proxyTestSchema, sitesViewSchema, ytDlpUpdatesSchema } from './sites';

export { downloadOptionsSchema, subscriptionFiltersSchema, subscriptionRetentionSchema };

const id = z.string().min(1).max(200);
const limit = z.number().int().min(1).max(500);
const cursor = z.string().max(100).optional();

/** Largest download-archive text one request carries; the renderer sends bigger files in parts. */
export const MAX_ARCHIVE_CHARS = 200_000;
/** Largest cookies.txt one request carries (the core refuses past 200 kB with a clear reason). */
export const MAX_COOKIE_CHARS = 240_000;

export const schemas = {
  'app.info': z.object({}).strict(),
  'jobs.add': z
    .object({
      urls: z.array(z.string().max(10_000)).min(1).max(1000),
      options: downloadOptionsSchema.partial().optional(),
      confirmPlaylist: z.boolean().optional(),
      /** Where the links came from; pasted unless said. */
      origin: requestOriginSchema.optional(),
    })
    .strict(),
  'jobs.list': z
    .object({
      state: jobStateSchema.optional(),
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
      sort: librarySortSchema.optional(),
      site: z.string().max(100).optional(),
      kind: z.enum(['all', 'video', 'audio']).optional(),
      subscriptionId: id.optional(),
      watch: watchFilterSchema.optional(),
      /** A channel page: only this uploader's videos. */
      uploader: z.string().min(1).max(500).optional(),
      /** A playlist page: only this playlist's videos (sort 'playlist' keeps its order). */
      playlist: z.string().min(1).max(1000).optional(),
    })
    .strict(),
  'library.get': z.object({ videoId: id }).strict(),
  'library.delete': z.object({ videoId: id }).strict(),
  'library.reveal': z.object({ videoId: id }).strict(),
  'library.sites': z.object({}).strict(),
  'library.setKeep': z.object({ videoId: id, keep: z.boolean() }).strict(),
  /** Where playback is now; 90 % of the way through counts as watched. */
  'library.setPosition': z.object({ videoId: id, positionSec: z.number().min(0).max(1e7) }).strict(),
  /** Marked watched or unwatched by hand (either way the position starts over). */
  'library.setWatched': z.object({ videoId: id, watched: z.boolean() }).strict(),
  'library.continue': z.object({ limit: z.number().int().min(1).max(50) }).strict(),
  'library.playback': z.object({ videoId: id }).strict(),
  'library.subtitleSearch': z.object({ query: z.string().max(500), limit: z.number().int().min(1).max(100) }).strict(),
  'library.collection': z.object({ kind: z.enum(['channel', 'playlist']), name: z.string().min(1).max(1000) }).strict(),
  /** Every video of a channel or playlist marked watched or unwatched at once. */
  'library.setCollectionWatched': z.object({ kind: z.enum(['channel', 'playlist']), name: z.string().min(1).max(1000), watched: z.boolean() }).strict(),
  /** An example path of a layout (the same naming new downloads get), or why its template is refused. */
  'library.layoutPreview': z.object({ layout: layoutSettingSchema }).strict(),
  /** Space used by the library (and by one channel, named as on its page) and free on its drive. */
  'library.disk': z.object({ channel: z.string().min(1).max(1000).optional() }).strict(),
  'settings.get': z.object({}).strict(),
  'settings.set': z
    .object({
      libraryDir: z.string().min(1).max(4096).regex(/^(\/|[A-Za-z]:[\\/]|\\\\)/, 'must be a full path (for example /home/you/Videos)').optional(),
      maxConcurrent: z.number().int().min(1).max(10).optional(),
      perSiteConcurrent: z.number().int().min(1).max(10).optional(),
      maxTries: z.number().int().min(1).max(10).optional(),
      timeoutMinutes: z.number().int().min(1).max(24 * 60).optional(),
      defaults: presetOptionsSchema.partial().optional(),
      ytDlpPath: z.string().max(4096).optional(),
      theme: themeSchema.optional(),
      clipboardWatcher: z.boolean().optional(),
      compatibility: compatibilitySchema.optional(),
      sponsorBlock: sponsorBlockSchema.optional(),
      background: backgroundSchema.partial().optional(),
      language: z.enum(LANGUAGE_CHOICES).optional(),
      /** Captions shown by default in this language ('' for none). */
      subtitleLanguage: z.string().max(20).regex(/^[A-Za-z0-9_-]*$/, 'must be a language code such as en or pt-BR').optional(),
      /** A custom template is also checked by core (checkTemplate); a refused one keeps the old setting. */
      layout: layoutSettingSchema.optional(),
      embedMetadata: z.boolean().optional(),
    })
    .strict(),
  /** One probe of a link: its formats, duration and live state (nothing downloads). */
  'choose.probe': z.object({ url: z.string().min(1).max(10_000) }).strict(),
  /** Starts listing a playlist or channel (or returns the listing already running for it). */
  'choose.listPlaylist': z.object({ url: z.string().min(1).max(10_000) }).strict(),
  /** A page of a listing's entries, as far as yt-dlp has read them. */
  'choose.playlistPage': z.object({ listingId: id, offset: z.number().int().min(0), limit }).strict(),
  /** Queues exactly these entries of a listing (indexes as listed). */
  'choose.addEntries': z
    .object({ listingId: id, indexes: z.array(z.number().int().min(0)).max(10_000), options: presetOptionsSchema.partial().optional() })
    .strict(),
  /** Keeps only a time range of a video, as its own library item. */
  'choose.addClip': z.object({ url: z.string().min(1).max(10_000), range: clipRangeSchema, options: presetOptionsSchema.partial().optional() }).strict(),
  /** Records a live stream (or waits for a premiere), apart from the download queue. */
  'live.record': z.object({ url: z.string().min(1).max(10_000), fromStart: z.boolean().optional() }).strict(),
  /** Stops a recording and keeps what was recorded as a playable file. */
  'live.stop': z.object({ id }).strict(),
  'live.list': z.object({}).strict(),
  'tools.updateYtDlp': z.object({}).strict(),
  'sites.get': z.object({}).strict(),
  'sites.set': z
    .object({
      pacing: z.record(z.string().max(253), pacingSchema).optional(),
      bandwidth: bandwidthSchema.optional(),
      proxy: z.object({ global: z.string().max(500), perSite: z.record(z.string().max(253), z.string().max(500)) }).optional(),
      extraArgs: z.array(z.string().max(500)).max(40).optional(),
      ytDlp: ytDlpUpdatesSchema.optional(),
    })
    .strict(),
  /** A cookies.txt's text for one site; only that site's cookies are kept. */
  'cookies.add': z.object({ site: z.string().min(1).max(253), text: z.string().max(MAX_COOKIE_CHARS) }).strict(),
  /** Desktop app only: one site's cookies read from an installed browser. */
  'cookies.fromBrowser': z.object({ site: z.string().min(1).max(253), browser: z.enum(BROWSERS), profile: z.string().max(100).optional() }).strict(),
  'cookies.remove': z.object({ site: z.string().min(1).max(253) }).strict(),
  'proxy.test': z.object({ proxy: z.string().max(500), url: z.string().max(2000).optional() }).strict(),
  'subscriptions.list': z.object({}).strict(),
  'subscriptions.add': z
    .object({
      url: z.string().min(1).max(10_000),
      cron: z.string().min(1).max(100).optional(),
      filters: subscriptionFiltersSchema.optional(),
      options: presetOptionsSchema.partial().optional(),
      retention: subscriptionRetentionSchema.optional(),
      initial: initialFetchSchema.optional(),
      initialCount: z.number().int().min(1).max(10_000).optional(),
    })
    .strict(),
  'subscriptions.update': z
    .object({
      id,
      cron: z.string().min(1).max(100).optional(),
      filters: subscriptionFiltersSchema.optional(),
      options: presetOptionsSchema.partial().optional(),
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
  /** Starts moving every kept video to the chosen layout (one job; `already` when one runs). */
  'library.reorganize': z.object({}).strict(),
  'library.reorganizeStatus': z.object({}).strict(),
  /** How many videos the chosen layout would move, for the confirmation. */
  'library.reorganizePreview': z.object({}).strict(),
  'import.start': importStartSchema,
  'import.status': z.object({}).strict(),
  'import.cancel': z.object({}).strict(),
  /** The desktop app's folder picker; elsewhere not-supported (type the path). */
  'import.pickFolder': z.object({}).strict(),

} as const;

export const addedJobSchema = z.object({
  url: z.string(),
  jobId: z.string().optional(),
  /** Set when this URL was already queued: the existing job. */
  duplicateOf: z.string().optional(),
  /** Set when the video is already in the library. */
  videoId: z.string().optional(),
  error: errorViewSchema.optional(),
});
export type AddedJob = z.infer<typeof addedJobSchema>;

/** What each channel answers. Hosts do not check replies; the contract tests do. */
export const responses = {
  'app.info': appInfoSchema,
  'jobs.add': z.object({ jobs: z.array(addedJobSchema) }),
  'jobs.list': pageOf(jobViewSchema),
  'jobs.get': jobViewSchema,
  'jobs.cancel': jobViewSchema,
  'jobs.retry': jobViewSchema,
  'jobs.remove': z.object({ removed: z.boolean() }),
  'jobs.promote': jobViewSchema,
  'queue.pause': queueMetricsSchema,
  'queue.resume': queueMetricsSchema,
  'queue.metrics': queueMetricsSchema,
  'queue.schedules': z.array(scheduleViewSchema),
  'library.search': pageOf(videoSchema),
  'library.get': videoSchema,
  'library.delete': z.object({ deleted: z.boolean() }),
  'library.reveal': z.object({ path: z.string() }),
  'library.sites': z.array(z.string()),
  'library.setKeep': videoSchema,
  'library.setPosition': videoSchema,
  'library.setWatched': videoSchema,
  'library.continue': z.array(videoSchema),
  'library.playback': playbackInfoSchema,
  'library.subtitleSearch': z.array(subtitleHitSchema),
  'library.collection': collectionSchema,
  'library.setCollectionWatched': collectionSchema,
  'library.layoutPreview': layoutPreviewSchema,
  'library.disk': libraryDiskSchema,
  'settings.get': settingsSchema,
  'settings.set': settingsSchema,
  'tools.updateYtDlp': appInfoSchema,
  'sites.get': sitesViewSchema,
  'sites.set': sitesViewSchema,
  'cookies.add': cookieSiteSchema.extend({ droppedOtherSites: z.number().int(), droppedExpired: z.number().int() }),
  'cookies.fromBrowser': cookieSiteSchema.extend({ droppedOtherSites: z.number().int(), droppedExpired: z.number().int() }),
  'cookies.remove': z.object({ removed: z.boolean() }),
  'proxy.test': proxyTestSchema,
  'subscriptions.list': z.array(subscriptionSchema),
  'subscriptions.add': subscriptionSchema,
  'subscriptions.update': subscriptionSchema,
  'subscriptions.remove': z.object({ removed: z.boolean() }),
  'subscriptions.pause': z.array(subscriptionSchema),
  'subscriptions.resume': z.array(subscriptionSchema),
  /** Queues a check now; `already` when one is queued or running. */
  'subscriptions.check': z.object({ jobId: z.string(), already: z.boolean() }),
  'subscriptions.importArchive': archiveImportSchema,
  /** yt-dlp download-archive text: `site id` per line, for everything kept or imported. */
  'subscriptions.exportArchive': z.object({ text: z.string(), count: z.number().int() }),
  'choose.probe': probeSchema,
  'choose.listPlaylist': playlistPageSchema,
  'choose.playlistPage': playlistPageSchema,
  'choose.addEntries': z.object({ jobs: z.array(addedJobSchema) }),
  'choose.addClip': addedJobSchema,
  'live.record': liveRecordingSchema,
  'live.stop': liveRecordingSchema,
  'live.list': z.array(liveRecordingSchema),
  'library.reorganize': z.object({ status: reorganizeStatusSchema, already: z.boolean() }),
  'library.reorganizeStatus': reorganizeStatusSchema,
  'library.reorganizePreview': reorganizePreviewSchema,
  'import.start': importStatusSchema,
  'import.status': importStatusSchema.nullable(),
  'import.cancel': importStatusSchema.nullable(),
  'import.pickFolder': z.object({ folder: z.string().nullable() }),
} as const satisfies { [C in keyof typeof schemas]: z.ZodType };

/** Every channel's request and reply, inferred from the two schema maps. */
export type Invoke = { [C in keyof typeof schemas]: { req: z.infer<(typeof schemas)[C]>; res: z.infer<(typeof responses)[C]> } };

export type Channel = keyof Invoke;
export type Req<C extends Channel> = Invoke[C]['req'];
export type Res<C extends Channel> = Invoke[C]['res'];

export const JOB_EVENT_KINDS = ['added', 'started', 'retrying', 'succeeded', 'failed', 'cancelled', 'removed', 'updated'] as const;
export const jobEventKindSchema = z.enum(JOB_EVENT_KINDS);
export type JobEventKind = z.infer<typeof jobEventKindSchema>;

export const eventSchemas = {
  /** Coalesced: at most ~10 batches a second, each job at most once per batch. */
  'jobs.progress': z.object({ updates: z.array(z.object({ jobId: z.string(), progress: progressSchema })) }),
  /** A job was added, started, retried, finished, failed, cancelled or removed (then `job` is null). */
  'jobs.changed': z.object({ job: jobViewSchema.nullable(), jobId: z.string(), kind: jobEventKindSchema }),
  'library.changed': z.object({ videoIds: z.array(z.string()) }),
  'settings.changed': settingsSchema,
  /** A subscription was added, changed, checked or removed (then `subscription` is null). */
  'subscriptions.changed': z.object({ id: z.string(), subscription: subscriptionSchema.nullable() }),
  /** A playlist listing read more entries (or ended): fetch the pages you show. */
  'choose.listing': z.object({ listingId: z.string(), total: z.number().int(), done: z.boolean(), error: z.string().nullable() }),
  /** A live recording changed state or recorded more (at most about once a second). */
  'live.changed': liveRecordingSchema,
  /** "Reorganize library" moved on (at most ~10 a second) or changed state. */
  'library.reorganize': reorganizeStatusSchema,
  /** An import's progress (a few times a second at most) and its end. */
  'import.changed': importStatusSchema,
} as const;
export type Events = { [E in keyof typeof eventSchemas]: z.infer<(typeof eventSchemas)[E]> };
export type EventName = keyof Events;

export const CHANNELS: readonly Channel[] = CHANNEL_NAMES;
export { EVENT_NAMES };
// Compile-time: the plain name lists and the schema/type maps hold exactly the same names.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const CHANNEL_LISTS_MATCH: Same<(typeof CHANNEL_NAMES)[number], keyof typeof schemas> = true;
export const EVENT_LISTS_MATCH: Same<(typeof EVENT_NAMES)[number], EventName> = true;
export const RESPONSE_LISTS_MATCH: Same<keyof typeof responses, keyof typeof schemas> = true;

export type Handlers = { [C in Channel]: (req: Req<C>) => Promise<Res<C>> | Res<C> };

/** What crosses either transport in reply to an invoke. */
export type InvokeResult<T> = { ok: true; value: T } | { ok: false; error: ErrorInfo };

/** Cap on any one message from a renderer, in bytes. */
export const MAX_MESSAGE_BYTES = 256 * 1024;
