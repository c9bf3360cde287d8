import { createHash } from 'node:crypto';
import type { AddedJob, Req, Res } from '../../shared/contract';
import type { Probe } from '../../shared/choose';
import { VidKeepError } from '../../shared/errors';
import type { DownloadOptions, Settings, ToolStatus } from '../../shared/types';
import type { Queue } from '../queue/types';
import type { Downloads } from '../downloads/types';
import { DOWNLOAD_JOB, type DownloadPayload } from '../downloads/types';
import { downloadEnqueueOptions } from '../downloads/job-id';
import { normalizeUrl, validateUrl } from '../ytdlp/url';
import { checkClipRange, clipSuffix } from './clip-range';
import { createListings, type ListingsOptions } from './listings';
import { probe as runProbe } from './probe';
import type { ProcessTracker } from '../ytdlp/processes';
import { probeRemoteDuration } from './remote-duration';

export interface ChooseOptions extends Omit<ListingsOptions, 'notify'> {
  queue: Queue;
  downloads: Downloads;
  getTools: () => { ytDlp: ToolStatus; ffmpeg: ToolStatus };
  getSettings: () => Settings;
  notify: ListingsOptions['notify'];
  /** Records each probe's yt-dlp before it is spawned (see ytdlp/processes.ts). */
  tracker?: ProcessTracker;
  /** Tests replace the probe. */
  probe?: (url: string) => Promise<Probe>;
}

export interface Choose {
  probe(url: string): Promise<Probe>;
  /** Checks a paste's chosen format against the last probe of that link (when there was one). */
  checkAdd(req: Req<'jobs.add'>): void;
  listPlaylist(url: string): Res<'choose.listPlaylist'>;
  playlistPage(req: Req<'choose.playlistPage'>): Res<'choose.playlistPage'>;
  addEntries(req: Req<'choose.addEntries'>, defaults: DownloadOptions): { jobs: AddedJob[] };
  addClip(req: Req<'choose.addClip'>, defaults: DownloadOptions): Promise<AddedJob>;
  close(): void;
}

const PROBES_KEPT = 50;
const MAX_PROBES = 4;

export function createChoose(o: ChooseOptions): Choose {
  const listings = createListings(o);
  const probes = new Map<string, Probe>();
  const doProbe =
    o.probe ??
    (async (url: string): Promise<Probe> => {
      const { mediaUrl, ...p } = await runProbe({ ytDlp: o.getTools().ytDlp.path, url, ...(o.tracker ? { tracker: o.tracker } : {}) });
      const ffmpeg = o.getTools().ffmpeg;
      // Direct links come without a duration; a clip's range must still be checked against one.
      if (p.durationSec === null && mediaUrl && ffmpeg.found && ffmpeg.path) return { ...p, durationSec: await probeRemoteDuration(ffmpeg.path, mediaUrl) };
      return p;
    });

  let probing = 0;
  const probe = async (url: string): Promise<Probe> => {
    const key = normalizeUrl(url);
    // Each probe is a yt-dlp process: a page asking for many at once is told to wait.
    if (probing >= MAX_PROBES) throw new VidKeepError('busy', 'VidKeep is already asking sites about several links; try again in a moment.');
    probing++;
    let p: Probe;
    try {
      p = await doProbe(url);
    } finally {
      probing--;
    }
    probes.delete(key);
    probes.set(key, p);
    if (probes.size > PROBES_KEPT) probes.delete(probes.keys().next().value as string);
    return p;
  };

  return {
    probe,
    checkAdd(req) {
      const opts = req.options;
      if (opts?.clip) throw new VidKeepError('invalid-input', 'Cut clips with “Clip…”, which checks the range against the video first.', undefined, { reason: 'clipViaPaste' });
      if (!opts?.formatId) return;
      if (req.urls.length !== 1) throw new VidKeepError('invalid-input', 'A chosen format applies to one link; paste the others separately.', undefined, { reason: 'formatPerLink' });
      let key: string;
      try {
        key = normalizeUrl(req.urls[0]!);
      } catch {
        return; // the paste itself reports the bad link
      }
      const known = probes.get(key);
      if (!known) return; // not probed here (say, a command line): yt-dlp's own answer is worded in the errors
      const offered = new Set(known.formats.map((f) => f.id));
      const missing = opts.formatId.split('+').filter((id) => !offered.has(id) && !/^(ba|bestaudio|bv|bestvideo|b|best)$/.test(id));
      if (missing.length > 0) {
        throw new VidKeepError('format-unavailable', `This site does not offer format ${missing.join(' + ')} for this video.`, 'Choose one of the formats listed, or keep the preset.', { reason: 'notOffered', format: missing.join(' + ').slice(0, 80) });
      }
    },
    listPlaylist: (url) => listings.open(url),
    playlistPage: (req) => listings.page(req.listingId, req.offset, req.limit),
    addEntries(req, defaults) {
      const { urls } = listings.pick(req.listingId, req.indexes);
      const options = { ...defaults, ...(req.options ?? {}) };
      delete options.clip;
      delete options.formatId;
      return o.downloads.add({ urls, options }, defaults);
    },
    async addClip(req, defaults) {
      const url = validateUrl(req.url);
      const tools = o.getTools();
      if (!tools.ffmpeg.found) throw new VidKeepError('ffmpeg-missing', 'Cutting a clip needs ffmpeg, which VidKeep could not find.', 'Install ffmpeg, then try again.', { reason: 'clip' });
      const p = await probe(req.url);
      if (p.liveStatus === 'is_live' || p.liveStatus === 'is_upcoming') throw new VidKeepError('invalid-input', 'A live stream has no end yet: record it, then cut a clip from the recording.', undefined, { reason: 'liveClip' });
      const range = checkClipRange(req.range, p.durationSec);
      const options: DownloadOptions = { ...defaults, ...(req.options ?? {}), clip: range };
      if (options.formatId === undefined) delete options.formatId;
      const normalized = normalizeUrl(req.url);
      const jobId = `dl-${createHash('sha256').update(`${normalized}\0${clipSuffix(range)}`).digest('hex').slice(0, 24)}`;
      const payload: DownloadPayload = { url: req.url.trim(), options, origin: 'pasted' };
      const label = `${p.title ?? req.url.trim()} (${clipSuffix(range).replace(/^clip-/, '').replace('-', '–')} s)`;
      const r = o.queue.enqueue(DOWNLOAD_JOB, payload, downloadEnqueueOptions(url, jobId, o, label));
      return { url: req.url.trim(), jobId: r.jobId, ...(r.existing ? { duplicateOf: r.jobId } : {}) };
    },
    close: () => listings.close(),
  };
}
