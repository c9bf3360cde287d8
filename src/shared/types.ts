import type { Language } from './i18n';
import type { ErrorInfo } from './errors';

/** Milliseconds since the epoch, UTC. */
export type Millis = number;

export const JOB_STATES = ['queued', 'active', 'succeeded', 'failed', 'cancelled'] as const;
export type JobState = (typeof JOB_STATES)[number];

export type Quality = 'best' | '1080p' | '720p' | '480p';
export type AudioFormat = 'm4a' | 'mp3';

export interface DownloadOptions {
  quality: Quality;
  audioOnly: boolean;
  audioFormat: AudioFormat;
  subtitles: boolean;
}

export type Stage =
  | 'waiting'
  | 'probing'
  | 'downloading-video'
  | 'downloading-audio'
  | 'downloading'
  | 'merging'
  | 'post-processing'
  | 'indexing'
  | 'done';

export interface Progress {
  stage: Stage;
  /** 0..100, or null while indeterminate (merging, probing). */
  percent: number | null;
  downloadedBytes: number | null;
  totalBytes: number | null;
  /** Bytes per second. */
  speed: number | null;
  /** Seconds left. */
  eta: number | null;
  title?: string;
  thumbnailUrl?: string;
}

export interface JobView {
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
}

export interface Page<T> {
  items: T[];
  total: number;
  nextCursor?: string;
}

export interface Video {
  id: string;
  site: string;
  siteId: string;
  title: string;
  uploader: string | null;
  description: string | null;
  durationSec: number | null;
  sizeBytes: number | null;
  /** Relative to the library folder. */
  filePath: string;
  hasThumbnail: boolean;
  sourceUrl: string;
  addedAt: Millis;
  audioOnly: boolean;
  missing: boolean;
  playlist: string | null;
  /** Marked "keep": a subscription's retention rule never deletes it. */
  keep: boolean;
}

export type LibrarySort = 'added' | 'title' | 'duration' | 'uploader';

export interface QueueMetrics {
  counts: Record<JobState, number>;
  depthByQueue: Record<string, number>;
  avgRunMs: number | null;
  p95RunMs: number | null;
  /** Jobs finished in the last hour. */
  throughputPerHour: number;
  failuresByCode: Record<string, number>;
  paused: boolean;
  pausedQueues: string[];
}

export type Theme = 'system' | 'light' | 'dark';

export interface Settings {
  libraryDir: string;
  maxConcurrent: number;
  perSiteConcurrent: number;
  maxTries: number;
  timeoutMinutes: number;
  defaults: DownloadOptions;
  ytDlpPath: string;
  theme: Theme;
  clipboardWatcher: boolean;
  /** The UI language, or 'system' to follow the system (or browser) language. */
  language: Language;
}

export interface ToolStatus {
  found: boolean;
  path: string | null;
  version: string | null;
  source: 'settings' | 'bundled' | 'path' | 'downloaded' | null;
  message?: string;
}

export interface AppInfo {
  version: string;
  host: 'electron' | 'web';
  dataDir: string;
  libraryDir: string;
  ytDlp: ToolStatus;
  ffmpeg: ToolStatus;
}

export interface ScheduleView {
  id: string;
  cron: string;
  jobName: string;
  lastFireAt: Millis | null;
  nextFireAt: Millis | null;
  catchUp: 'skip' | 'once';
  paused: boolean;
}

/** The kinds of job the core runs, as they appear in JobView.name. */
export const JOB_NAMES = { download: 'download', subscriptionCheck: 'subscription.check' } as const;

export const DEFAULT_DOWNLOAD_OPTIONS: DownloadOptions = {
  quality: 'best',
  audioOnly: false,
  audioFormat: 'm4a',
  subtitles: false,
};

/** What the first check of a subscription fetches. */
export type InitialFetch = 'new' | 'last' | 'all';

export interface SubscriptionFilters {
  /** Only titles containing this (case-insensitive). */
  titleIncludes?: string;
  /** Never titles containing this (case-insensitive). */
  titleExcludes?: string;
  minDurationSec?: number;
  maxDurationSec?: number;
  /** Only videos published on or after this day (YYYY-MM-DD), when the listing says. */
  after?: string;
}

export interface SubscriptionRetention {
  /** Keep only the newest N videos of this subscription. */
  keepLast?: number;
  /** Delete this subscription's videos older than N days. */
  keepDays?: number;
}

export interface Subscription {
  id: string;
  url: string;
  title: string | null;
  /** Five-field cron expression. */
  cron: string;
  paused: boolean;
  filters: SubscriptionFilters;
  options: Partial<DownloadOptions>;
  retention: SubscriptionRetention;
  initial: InitialFetch;
  /** For initial 'last': how many of the newest videos the first check fetches. */
  initialCount: number;
  createdAt: Millis;
  lastCheckAt: Millis | null;
  nextCheckAt: Millis | null;
  /** New videos the last successful check queued. */
  lastNewCount: number;
  /** Every video this subscription has queued. */
  totalQueued: number;
  lastError: ErrorInfo | null;
  checking: boolean;
}

export interface ArchiveImport {
  added: number;
  /** Lines already in the archive. */
  known: number;
  /** Lines that are not `site id`: the first few, for the message. */
  invalid: string[];
  invalidCount: number;
}
