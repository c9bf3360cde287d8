import type { AddedJob, Req } from '../../shared/contract';
import { JOB_NAMES, type DownloadOptions, type Settings, type ToolStatus } from '../../shared/types';
import type { Db } from '../db/open';
import type { Queue } from '../queue/types';
import type { Library } from '../library/types';
import type { SpawnFn } from '../ytdlp/run';
import type { MediaTools } from '../media/poster-job';
import type { Sites } from '../sites/index';
import type { FreeBytes } from '../library/disk-space';

export const DOWNLOAD_JOB = JOB_NAMES.download;

import type { DownloadPayload } from '../job-payloads';

export type { DownloadPayload };
export type { DownloadResult } from '../../shared/download';

export interface DownloadsOptions {
  queue: Queue;
  library: Library;
  db: Db;
  getLibraryDir: () => string;
  getTools: () => { ytDlp: ToolStatus; ffmpeg: ToolStatus; deno?: ToolStatus };
  getSettings: () => Settings;
  now?: () => number;
  spawn?: SpawnFn;
  launchId: string;
  /** Retry delays; e2e tests use seconds. Defaults: 5 min after a 429, 30 s after a network error. */
  rateLimitDelayMs?: number;
  networkDelayMs?: number;
  /** No new output for this long while downloading counts as stalled (default 2 min). */
  stallMs?: number;
  /** Overrides settings.timeoutMinutes as the jobs' time limit (tests). */
  timeoutMs?: number;
  killGraceMs?: number;
  /** SponsorBlock's base URL (tests point it at a local server). */
  sponsorBlockApi?: string;
  /** Tests hold poster jobs back with these; the real ones run ffprobe and ffmpeg. */
  media?: MediaTools;
  /** Per-site args (pacing, speed limit, proxy, cookies) and 429 waits. */
  sites?: Sites;
  /** Free bytes on the library's drive (tests inject one); default fs.statfs. */
  freeBytes?: FreeBytes;
}

export interface Downloads {
  /** `origin.subscriptionId`: queued by a subscription check rather than by the user. */
  add(req: Req<'jobs.add'>, defaults: DownloadOptions, origin?: { subscriptionId: string }): { jobs: AddedJob[] };
  /** A slot beyond the downloads' own, for background work (slot-lender.ts); the function returned gives it back. */
  borrowSlot(): () => void;
}
