import { rmSync } from 'node:fs';
import { basename } from 'node:path';
import type { ToolStatus, Video } from '../../shared/types';
import type { Db } from '../db/open';
import type { Library } from '../library/types';
import { RetryJob, type EnqueueResult, type JobContext, type JobHandler, type Queue } from '../queue/types';
import { makePosterFrame, probeDuration } from '../ytdlp/media-probe';
import { createProcessTracker } from '../ytdlp/processes';
import { inBorrowedSlot } from './slot-lender';

export const POSTER_JOB = 'media.poster';
/** Follow-up work on downloaded files waits in its own queue, beside the downloads (see slot-lender.ts). */
export const MEDIA_QUEUE = 'media';
/** ffmpeg runs at background priority (it never slows a download), so two may run at once. */
export const MEDIA_CONCURRENCY = 2;
/** Background work waits whenever the CPU is busy: generous limits, which only a hung ffmpeg reaches. */
const STEP_TIMEOUT_MS = 5 * 60_000;

export interface PosterPayload {
  videoId: string;
}

export type PosterResult = { durationSec: number | null; poster: boolean } | { skipped: 'gone' | 'no-ffmpeg' };

export interface MediaTools {
  probeDuration: typeof probeDuration;
  makePosterFrame: typeof makePosterFrame;
}

export interface PosterJobOptions {
  db: Db;
  /** A getter: the library is reopened when the user picks another folder. */
  library: () => Library;
  getTools: () => { ffmpeg: ToolStatus };
  launchId: string;
  now?: () => number;
  /** Raises the queue's cap while this job runs, so it never holds a download's slot (slot-lender.ts). */
  borrowSlot: () => () => void;
  /** Tests inject these to hold a poster back; the real ones run ffprobe and ffmpeg. */
  media?: MediaTools;
  retryDelayMs?: number;
}

const FINAL = new Set(['succeeded', 'failed', 'cancelled']);

/** A video whose site gave no duration, or no thumbnail for a video file, gets a poster job. */
export function needsPosterJob(v: Video): boolean {
  return v.durationSec === null || (!v.hasThumbnail && !v.audioOnly);
}

/**
 * Chains the poster job to the running download: it waits until the download succeeded (and is
 * cancelled if it never does), and it is a durable row, so a crash before it ran still makes the
 * poster on the next start.
 */
export function enqueuePosterJob(ctx: JobContext, queue: Pick<Queue, 'remove'>, video: Video): EnqueueResult {
  const options = {
    jobId: `${ctx.jobId}.poster`,
    queue: MEDIA_QUEUE,
    dependsOn: [ctx.jobId],
    // Ahead of queued downloads: it borrows its own slot at once, so it delays none of them.
    priority: 10,
    maxTries: 2,
    timeoutMs: 3 * STEP_TIMEOUT_MS,
    backoff: { type: 'fixed' as const, delayMs: 5_000 },
    keepResultMs: 10 * 60_000,
    label: video.title,
  };
  const payload: PosterPayload = { videoId: video.id };
  const r = ctx.enqueue(POSTER_JOB, payload, options);
  if (!r.existing || !FINAL.has(r.job.state)) return r;
  // The finished poster job of an earlier download of this link would swallow this one.
  queue.remove(r.jobId);
  return ctx.enqueue(POSTER_JOB, payload, options);
}

/**
 * Poster jobs for videos that came into the library without a download (an import, a rebuild):
 * one durable job per video, behind the downloads' follow-up work. Only for files in the library
 * folder: VidKeep writes nothing into a folder the user imported "where it is".
 */
export function enqueueLibraryPosters(queue: Pick<Queue, 'enqueue'>, videos: readonly Video[]): number {
  let queued = 0;
  for (const v of videos) {
    if (!needsPosterJob(v) || v.missing) continue;
    const payload: PosterPayload = { videoId: v.id };
    const r = queue.enqueue(POSTER_JOB, payload, {
      jobId: `poster.${v.id}`,
      queue: MEDIA_QUEUE,
      maxTries: 2,
      timeoutMs: 3 * STEP_TIMEOUT_MS,
      backoff: { type: 'fixed', delayMs: 5_000 },
      keepResultMs: 10 * 60_000,
      label: v.title,
    });
    if (!r.existing) queued++;
  }
  return queued;
}

/** Duration and poster frame from the file itself, then the library row updated and announced. */
export function createPosterHandler(o: PosterJobOptions): JobHandler<PosterPayload, PosterResult> {
  const tracker = createProcessTracker(o.db, o.launchId, o.now);
  const media = o.media ?? { probeDuration, makePosterFrame };
  // ffmpeg killed at shutdown may report its exit after the database closed.
  const untrack = (pid: number) => void (o.db.open && tracker.remove(pid));

  async function fill(ctx: JobContext<PosterPayload>): Promise<PosterResult> {
    const id = ctx.payload?.videoId;
    const library = o.library();
    const video = typeof id === 'string' && id.length <= 200 ? library.get(id) : null;
    if (!video || video.missing) return { skipped: 'gone' };
    const ffmpeg = o.getTools().ffmpeg;
    if (!ffmpeg.found || !ffmpeg.path) return { skipped: 'no-ffmpeg' };
    // Resolved inside the library's real path: the row's path is never trusted to lead out.
    const file = await library.resolveMedia(video.id, 'video');
    if (!file) return { skipped: 'gone' };
    const run = { signal: ctx.signal, background: true, timeoutMs: STEP_TIMEOUT_MS, onSpawn: (pid: number, cmd: string) => tracker.add(pid, cmd), onExit: untrack };
    const durationSec = video.durationSec ?? (await media.probeDuration(ffmpeg.path, file, run));
    const wantPoster = !video.hasThumbnail && !video.audioOnly;
    const poster = wantPoster && !ctx.signal.aborted ? await media.makePosterFrame(ffmpeg.path, file, durationSec, run) : null;
    const posterName = poster ? basename(poster) : null;
    const found = video.durationSec === null ? durationSec : null;
    if (found !== null || posterName !== null) {
      // The library announces the change (library.changed), so open views update live.
      if (!library.fillMediaInfo(video.id, { durationSec: found, posterName })) {
        // Deleted while ffmpeg ran: leave nothing behind.
        if (poster) rmSync(poster, { force: true });
        return { skipped: 'gone' };
      }
    }
    if (wantPoster && !poster && !ctx.signal.aborted) {
      // Deleted (file and all) while ffmpeg looked at it: nothing to retry.
      if (!o.library().get(video.id)) return { skipped: 'gone' };
      // The video itself is kept and plays; only its card stays without a picture.
      throw new RetryJob(o.retryDelayMs ?? 5_000, { code: 'internal', message: 'VidKeep could not make a poster frame from this video; it still plays.' });
    }
    return { durationSec, poster: poster !== null };
  }

  return (ctx) => inBorrowedSlot(o.borrowSlot, ctx.signal, () => fill(ctx));
}
