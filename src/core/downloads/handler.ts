import { existsSync, mkdirSync, readFileSync, realpathSync } from 'node:fs';
import { basename, dirname, extname, join, sep } from 'node:path';
import type { ErrorInfo } from '../../shared/errors';
import { VidKeepError } from '../../shared/errors';
import type { Progress, Stage } from '../../shared/types';
import { PermanentJobError, RetryJob, type JobContext, type JobHandler } from '../queue/types';
import { buildDownloadArgs } from '../ytdlp/args';
import { classifyFailure } from '../ytdlp/errors';
import { createProcessTracker, type ProcessTracker } from '../ytdlp/processes';
import { runYtDlp, type RunResult } from '../ytdlp/run';
import { normalizeUrl, validateUrl } from '../ytdlp/url';
import { enqueuePosterJob, needsPosterJob } from '../media/poster-job';
import type { Video } from '../../shared/types';
import { DOWNLOAD_JOB, type DownloadPayload, type DownloadResult, type DownloadsOptions } from './types';
import { downloadEnqueueOptions, downloadJobId } from './job-id';
import { prepareChoice, type PreparedChoice } from '../choose/prepare';
import { withSiteArgs } from '../sites/index';
import { diskFullError, freeBytes as statfsFreeBytes, wontFit } from '../library/disk-space';
import { embedFailure, unsupportedNotes } from '../ytdlp/embed-support';
import { sidecarsAfterDownload } from '../library/sidecars/after-download';
import { DEFAULT_LAYOUT } from '../../shared/layout';
import { clearPlacement, dayIndexFor, placeDownload, resumePlacement, type Placement } from './place';

const blank = (stage: Stage, extra: Partial<Progress> = {}): Progress => ({ stage, percent: null, downloadedBytes: null, totalBytes: null, speed: null, eta: null, ...extra });

const fail = (info: ErrorInfo) => new PermanentJobError(info);

function sideThumbnail(file: string): string | null {
  const stem = join(dirname(file), basename(file, extname(file)));
  for (const ext of ['jpg', 'webp', 'png', 'jpeg']) if (existsSync(`${stem}.${ext}`)) return `${stem}.${ext}`;
  return null;
}

/** The real path must sit inside the real library folder: a symlinked folder or a hostile id cannot lead out. */
function insideLibrary(file: string, libraryDir: string): string {
  try {
    const real = realpathSync(file);
    if (real.startsWith(realpathSync(libraryDir) + sep)) return real;
  } catch {
    // missing file: reported below
  }
  throw fail({ code: 'outside-library', message: 'yt-dlp reported a file outside your library folder; VidKeep did not add it.' });
}

/** What the file lacks of what was to be embedded: what its container cannot hold, and what a failed step left out. */
function embedNotes(file: string, hasThumbnail: boolean, subtitles: boolean, args: string[], failed: string[]): string[] {
  if (!args.includes('--embed-metadata')) return [];
  const ext = extname(file).slice(1);
  return [...new Set([...unsupportedNotes({ ext, hasThumbnail, subtitles: subtitles && args.includes('--embed-subs') }), ...failed])];
}

export function createDownloadHandler(o: DownloadsOptions): JobHandler<DownloadPayload, DownloadResult> {
  const tracker = createProcessTracker(o.db, o.launchId, o.now);
  const claimed = o.db.prepare<[string], { n: number }>('SELECT 1 AS n FROM claimed_urls WHERE url = ?');
  const unclaim = o.db.prepare<[string]>('DELETE FROM claimed_urls WHERE url = ?');
  const rateLimitDelayMs = o.rateLimitDelayMs ?? 5 * 60_000;
  const networkDelayMs = o.networkDelayMs ?? 30_000;

  /** Ended yt-dlp runs: their orphan rows go in the commit that indexes the video (one fsync less). */
  const untrack = (exited: Array<() => void>) => exited.splice(0).forEach((ended) => ended());
  const deferEnd = (exited: Array<() => void>): Pick<ProcessTracker, 'begin'> => ({
    begin(command) {
      const run = tracker.begin(command);
      return { marker: run.marker, env: run.env, spawned: (pid) => run.spawned(pid), ended: () => void exited.push(() => run.ended()) };
    },
  });

  return async (ctx: JobContext<DownloadPayload>): Promise<DownloadResult> => {
    const exited: Array<() => void> = [];
    try {
      return await download(ctx, exited);
    } finally {
      untrack(exited);
    }
  };

  async function download(ctx: JobContext<DownloadPayload>, exited: Array<() => void>): Promise<DownloadResult> {
    const p = ctx.payload;
    const url = validateUrl(p.url);
    const site = url.hostname;
    const tools = o.getTools();
    if (!tools.ytDlp.found || !tools.ytDlp.path) {
      throw fail({ code: 'ytdlp-missing', message: 'VidKeep could not find yt-dlp.', hint: 'Install yt-dlp, set its path in Settings, or let VidKeep download it.' });
    }
    const libraryDir = o.getLibraryDir();
    mkdirSync(libraryDir, { recursive: true });
    let args: string[];
    let choice: PreparedChoice;
    try {
      // Issue 17's choices (format, clip, SponsorBlock) are built apart and passed through.
      choice = await prepareChoice({ options: p.options, settings: o.getSettings(), ffmpeg: tools.ffmpeg.found, db: o.db, ...(o.sponsorBlockApi ? { sponsorBlockApi: o.sponsorBlockApi } : {}) });
      const extraArgs = choice.args;
      const embedMetadata = o.getSettings().embedMetadata;
      args = buildDownloadArgs({ url: p.url, libraryDir, options: p.options, ffmpegPath: tools.ffmpeg.found ? tools.ffmpeg.path : null, mode: p.confirmPlaylist ? 'list' : 'single', extraArgs, embedMetadata });
    } catch (err) {
      if (err instanceof VidKeepError) throw fail(err.toJSON());
      throw err;
    }
    let title: string | undefined;
    let thumbnailUrl: string | undefined;
    /** What a failed embedding step left out of the file (set after the run; index() reads it). */
    let embedMissed: string[] = [];
    const report = (pr: Progress) => ctx.progress({ ...pr, ...(title ? { title } : {}), ...(thumbnailUrl ? { thumbnailUrl } : {}) });
    // A run killed between moving the files and indexing them: finish that, download nothing again.
    const resumed = resumePlacement(o.db, libraryDir, ctx.jobId);
    if (resumed) return index(resumed.file);

    // Throws a retry while the site is waiting out a 429; otherwise its pacing, proxy and cookies.
    const siteRun = o.sites?.begin(url, ctx.jobId);
    if (siteRun) args = withSiteArgs(args, siteRun.args);

    let known: Video | null = null;
    let playlist: { title: string | null; count: number | null } | null = null;
    let noRoom: { needed: number; free: number } | null = null;
    // Stops yt-dlp as soon as its info says the download cannot fit (unknown sizes go on).
    const checkRoom = (needed: number | null) => {
      if (needed === null || noRoom) return;
      const free = (o.freeBytes ?? statfsFreeBytes)(libraryDir);
      if (free !== null && wontFit(needed, free)) {
        noRoom = { needed, free };
        stop.abort();
      }
    };
    // A direct link's size comes only with its first bytes (Content-Length): checked once per part.
    let checkedTotal: number | null = null;
    const checkPart = (pr: Progress) => {
      if (pr.totalBytes === null || pr.totalBytes === checkedTotal) return;
      checkedTotal = pr.totalBytes;
      checkRoom(pr.totalBytes - (pr.downloadedBytes ?? 0));
    };
    const entries: Array<{ url: string; title: string | null }> = [];
    const stop = new AbortController();
    const onAbort = () => stop.abort();
    ctx.signal.addEventListener('abort', onAbort, { once: true });
    report(blank('probing'));

    let res: RunResult;
    try {
      res = await runYtDlp({
        bin: tools.ytDlp.path,
        args,
        ...(o.spawn ? { spawn: o.spawn } : {}),
        signal: stop.signal,
        // The user's time limit is the job's (set where downloads are enqueued) and the queue
        // enforces it; a second clock here would only race it. This is just "no limit of its own".
        timeoutMs: 2_147_483_647,
        ...(o.stallMs !== undefined ? { stallMs: o.stallMs } : {}),
        ...(o.killGraceMs !== undefined ? { killGraceMs: o.killGraceMs } : {}),
        tracker: deferEnd(exited),
        onEvent: (e) => {
          if (e.kind === 'progress' || (e.kind === 'postprocess' && e.progress)) {
            if (e.kind === 'progress') checkPart(e.progress);
            report(e.kind === 'progress' ? e.progress : e.progress!);
          } else if (e.kind === 'info') {
            const i = e.info;
            if (i.type === 'url' || i.type === 'url_transparent') {
              const entryUrl = i.url ?? i.webpageUrl;
              if (entryUrl) entries.push({ url: entryUrl, title: i.title });
              return;
            }
            if (i.title) {
              title = i.title;
              ctx.setLabel(i.title);
            }
            if (i.thumbnail && /^https?:\/\//.test(i.thumbnail)) thumbnailUrl = i.thumbnail;
            report(blank('probing'));
            // Same video already kept (say, under another link): stop before downloading it again.
            const hit = i.site && i.id ? o.library.findBySource(i.site, i.id) : null;
            if (hit && !hit.missing && !choice.isClip) {
              known = hit;
              stop.abort();
            }
            checkRoom(i.sizeBytes);
          } else if (e.kind === 'size') {
            checkRoom(e.bytes);
          } else if (e.kind === 'playlist') {
            playlist = { title: e.title, count: e.count };
          }
        },
      });
    } finally {
      ctx.signal.removeEventListener('abort', onAbort);
      siteRun?.cleanup();
    }

    if (known) {
      if (!p.subscriptionId) o.library.disown((known as Video).id);
      return { alreadyKept: (known as Video).id };
    }
    if (noRoom) {
      const { needed, free } = noRoom as { needed: number; free: number };
      throw fail(diskFullError(needed, free).toJSON());
    }
    // A failed embedding step leaves the downloaded file whole: keep it and say what is missing.
    const embedMiss = embedFailure(res, args);
    if (embedMiss) {
      ctx.log.warn(`Embedding failed (${res.openPostprocessor ?? '?'}); the file is kept: ${res.stderr.slice(-300)}`);
      res = { ...res, exitCode: 0, files: [...res.files, embedMiss.file] };
      embedMissed = embedMiss.notes;
    }
    if (ctx.signal.aborted || res.reason === 'aborted') {
      // The queue says why it aborted (its own timeout, shutting down); otherwise the user cancelled.
      const why: unknown = ctx.signal.reason;
      throw fail(why instanceof VidKeepError ? why.toJSON() : { code: 'cancelled', message: 'The download was cancelled.', values: { reason: 'download' } });
    }
    if (res.reason === 'timeout') {
      throw fail({ code: 'timeout', message: 'The download took longer than the time limit and was stopped.', hint: 'Raise the time limit in Settings, then retry; the part already downloaded is kept.', values: { reason: 'download' } });
    }
    if (res.reason === 'stalled') {
      throw new RetryJob(networkDelayMs, { code: 'stalled', message: `The download from ${site} stopped receiving data.`, hint: 'VidKeep will try again and continue where it stopped.', values: { site } });
    }
    if (res.reason === 'spawn-error' || res.exitCode !== 0) {
      const needed = res.lastProgress?.totalBytes != null ? res.lastProgress.totalBytes - (res.lastProgress.downloadedBytes ?? 0) : null;
      const c = classifyFailure({ stderr: res.stderr, exitCode: res.exitCode, ...(res.spawnError ? { spawnError: res.spawnError } : {}), site, neededBytes: needed });
      const { retry, retryAfterMs, ...info } = c;
      if (info.code === 'rate-limited' && o.sites) throw o.sites.rateLimited(url, info, retryAfterMs ?? (await o.sites.retryAfter(url)));
      if (retry === 'never') throw fail(info);
      const delay = retry === 'later' ? (retryAfterMs ?? rateLimitDelayMs) : networkDelayMs;
      // The UI says when ("will try again at 14:05") in the user's own clock format.
      if (retry === 'later') info.values = { ...info.values, reason: 'retryAt', retryAt: (o.now ?? Date.now)() + delay };
      throw new RetryJob(delay, info);
    }

    o.sites?.succeeded(url);
    const file = res.files[res.files.length - 1];
    if (!file) {
      const pl = playlist as { title: string | null; count: number | null } | null;
      if (entries.length === 0) throw fail({ code: 'unavailable', message: 'yt-dlp found nothing to download at this link.', values: { reason: 'nothing' } });
      const count = Math.max(entries.length, pl?.count ?? 0);
      const playlistTitle = pl?.title ?? null;
      if (!p.confirmPlaylist && count > 1) return { needsConfirm: true, playlistTitle, count, url: p.url };
      let expanded = 0;
      for (const [index, entry] of entries.entries()) {
        let entryUrl: URL;
        try {
          entryUrl = validateUrl(entry.url);
        } catch {
          continue; // an entry that is not a web link is skipped, the others still come
        }
        const jobId = downloadJobId(normalizeUrl(entry.url));
        ctx.enqueue(DOWNLOAD_JOB, { url: entry.url, options: p.options, playlist: playlistTitle, playlistIndex: index + 1, ...(p.origin ? { origin: p.origin } : {}) } satisfies DownloadPayload, downloadEnqueueOptions(entryUrl, jobId, o, entry.title ?? entry.url));
        expanded++;
      }
      return { expanded, playlistTitle };
    }

    report(blank('indexing'));
    insideLibrary(file, libraryDir);
    return index(place(file));

  /** yt-dlp's id-named file (and its side files) moved to the layout's readable path; on any trouble it stays. */
  function place(staged: string): string {
    const stem = basename(staged, extname(staged));
    const clip = choice.isClip ? /\.clip-[^/\\]*$/u.exec(stem)?.[0] : undefined;
    let info: Record<string, unknown>;
    try {
      info = JSON.parse(readFileSync(join(dirname(staged), `${stem}.info.json`), 'utf8')) as Record<string, unknown>;
    } catch {
      return staged; // reported by index()
    }
    let placed: Placement;
    try {
      placed = placeDownload({ db: o.db, jobId: ctx.jobId, libraryDir, layout: o.getSettings().layout ?? DEFAULT_LAYOUT, file: staged, info, dayIndex: dayIndexFor(o.db, info), ...(clip ? { stemSuffix: clip } : {}) });
    } catch (err) {
      ctx.log.warn(`Kept ${staged} under its download name: ${err instanceof Error ? err.message : String(err)}`);
      return staged;
    }
    return placed.file;
  }

  function index(file: string): DownloadResult {
    report(blank('indexing'));
    insideLibrary(file, libraryDir);
    const infoPath = join(dirname(file), `${basename(file, extname(file))}.info.json`);
    let info: Record<string, unknown>;
    try {
      info = JSON.parse(readFileSync(infoPath, 'utf8')) as Record<string, unknown>;
    } catch {
      throw fail({ code: 'download-failed', message: 'yt-dlp finished but left no description of the video (info json).', values: { reason: 'noInfo' } });
    }
    const thumb = sideThumbnail(file);
    const ffmpegFound = o.getTools().ffmpeg.found;
    // Indexed, unclaimed and chained in one commit: each fsync here is time the next download waits.
    const video = o.db.transaction(() => {
      untrack(exited);
      clearPlacement(o.db, ctx.jobId);
      const v = o.library.add(choice.toAdd({
        info,
        filePath: file,
        thumbnailPath: thumb && insideLibrary(thumb, libraryDir) ? thumb : null,
        sourceUrl: normalizeUrl(p.url),
        audioOnly: p.options.audioOnly,
        playlist: p.playlist ?? null,
        ...(p.playlistIndex ? { playlistIndex: p.playlistIndex } : {}),
        subscriptionId: p.subscriptionId && !claimed.get(normalizeUrl(p.url)) ? p.subscriptionId : null,
      }));
      choice.added(v.id, info);
      unclaim.run(normalizeUrl(p.url));
      // Generic links come without duration or thumbnail: a chained job takes both from the file, off
      // this download's slot. The video is in the library and plays already.
      if (needsPosterJob(v) && ffmpegFound) {
        try {
          enqueuePosterJob(ctx, o.queue, v);
        } catch (err) {
          ctx.log.warn(`No poster job for ${v.id}: ${err instanceof Error ? err.message : String(err)}`);
        }
      }
      return v;
    })();
    // Issue 14: Kodi/Jellyfin sidecars, beside the file where the layout placed it (keep this one line).
    sidecarsAfterDownload({ settings: o.getSettings(), libraryDir, filePath: (o.library.get(video.id) ?? video).filePath, info, warn: (m) => ctx.log.warn(m) });
    report(blank('done', { percent: 100 }));
    const notes = [...choice.notes, ...embedNotes(file, thumb !== null, p.options.subtitles, args, embedMissed)];
    return { videoId: video.id, ...(notes.length > 0 ? { notes } : {}) };
  }
  }
}
