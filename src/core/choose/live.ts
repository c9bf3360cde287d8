import { spawn as nodeSpawn, execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { LiveRecording, Probe } from '../../shared/choose';
import { VidKeepError } from '../../shared/errors';
import type { ToolStatus } from '../../shared/types';
import type { Library } from '../library/types';
import { classifyFailure } from '../ytdlp/errors';
import { killTree } from '../ytdlp/kill';
import { makePosterFrame, probeDuration } from '../ytdlp/media-probe';
import type { SpawnFn } from '../ytdlp/run';
import type { ProcessTracker } from '../ytdlp/processes';
import { normalizeUrl, validateUrl } from '../ytdlp/url';
import { liveArgs, recordedSeconds } from './live-args';

export interface LiveOptions {
  getTools: () => { ytDlp: ToolStatus; ffmpeg: ToolStatus };
  getLibraryDir: () => string;
  library: () => Library;
  probe: (url: string) => Promise<Probe>;
  notify: (r: LiveRecording) => void;
  now?: () => number;
  /** Recordings at once; they never take the download queue's slots (default 2). */
  maxRecordings?: number;
  spawn?: SpawnFn;
  /** From Stop (SIGINT, so ffmpeg ends its file) to a hard kill. */
  stopGraceMs?: number;
  /** Records each recorder before it is spawned, with a marker in its environment, so a launch after a crash ends it. */
  tracker?: Pick<ProcessTracker, 'begin'>;
}

export interface Live {
  record(url: string, fromStart: boolean): Promise<LiveRecording>;
  stop(id: string): Promise<LiveRecording>;
  list(): LiveRecording[];
  close(): Promise<void>;
}

interface Rec {
  view: LiveRecording;
  fromStart: boolean;
  pid: number | null;
  timer: NodeJS.Timeout | null;
  stderr: string;
  ended: Promise<void> | null;
  stopped: boolean;
}

/** Recordings waiting or running at once, whatever asks (a browser too). */
const MAX_OPEN = 20;

const run = (bin: string, args: string[]) =>
  new Promise<boolean>((resolve) => execFile(bin, args, { timeout: 120_000, windowsHide: true }, (err) => resolve(!err)));

/** Files yt-dlp wrote for one recording, found by the id in their names. */
function filesOf(dir: string, recId: string): string[] {
  const tag = `.live-${recId}.`;
  try {
    return readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.includes(tag))
      .map((f) => join(dir, f));
  } catch {
    return [];
  }
}

/**
 * Live streams and premieres, recorded apart from the download queue with their own limit, so a
 * three-hour stream never holds a slot other downloads need. Stop keeps what was recorded.
 */
export function createLive(o: LiveOptions): Live {
  const recs = new Map<string, Rec>();
  const now = o.now ?? Date.now;
  const spawn = o.spawn ?? nodeSpawn;
  const max = o.maxRecordings ?? 2;
  let lastTold = 0;

  const tell = (r: Rec, force = true) => {
    if (!force && now() - lastTold < 1000) return;
    lastTold = now();
    o.notify({ ...r.view });
  };
  const set = (r: Rec, patch: Partial<LiveRecording>) => {
    Object.assign(r.view, patch);
    tell(r);
  };

  const pump = () => {
    const running = [...recs.values()].filter((r) => r.view.state === 'recording' || r.view.state === 'stopping').length;
    const next = [...recs.values()].find((r) => r.view.state === 'queued');
    if (next && running < max) {
      start(next);
      pump();
    }
  };

  const start = (r: Rec) => {
    const tools = o.getTools();
    const args = liveArgs({ url: r.view.url, libraryDir: o.getLibraryDir(), recordingId: r.view.id, ffmpegPath: tools.ffmpeg.path!, fromStart: r.fromStart });
    set(r, { state: 'recording', startedAt: now() });
    const tracked = o.tracker?.begin([tools.ytDlp.path!, ...args].join(' '));
    const child = spawn(tools.ytDlp.path!, args, { shell: false, detached: process.platform !== 'win32', windowsHide: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...tracked?.env } });
    r.pid = child.pid ?? null;
    if (r.pid !== null) tracked?.spawned(r.pid);
    const onText = (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      r.stderr = (r.stderr + text).slice(-16_384);
      const sec = recordedSeconds(text);
      if (sec !== null) {
        r.view.recordedSec = sec;
        tell(r, false);
      }
    };
    child.stdout?.on('data', onText);
    child.stderr?.on('data', onText);
    r.ended = new Promise<void>((resolve) => {
      const done = (code: number | null) => {
        tracked?.ended();
        void finish(r, code).finally(() => {
          resolve();
          pump();
        });
      };
      child.on('error', () => done(null));
      child.on('close', (code) => done(code));
    });
  };

  const finish = async (r: Rec, code: number | null): Promise<void> => {
    const dir = o.getLibraryDir();
    const ffmpeg = o.getTools().ffmpeg.path!;
    const files = filesOf(dir, r.view.id);
    const media = files.filter((f) => !f.endsWith('.info.json') && !f.endsWith('.ytdl') && statSync(f).size > 0);
    const source = media.find((f) => !f.endsWith('.part')) ?? media[0];
    if (!source) {
      const c = classifyFailure({ stderr: r.stderr, exitCode: code, site: new URL(r.view.url).hostname });
      for (const f of files) rmSync(f, { force: true });
      return set(r, { state: 'failed', error: r.stopped ? 'The recording was stopped before anything was recorded.' : c.message });
    }
    const stem = source.replace(/\.part$/, '').replace(/\.[^./]+$/, '');
    const out = `${stem}.rec.mp4`;
    // MPEG-TS to MP4 without re-encoding: players and the library want MP4, and a cut-off end is fine.
    const ok = await run(ffmpeg, ['-hide_banner', '-loglevel', 'error', '-y', '-i', source, '-c', 'copy', '-movflags', '+faststart', out]);
    const duration = ok ? await probeDuration(ffmpeg, out) : null;
    if (!ok || duration === null) {
      rmSync(out, { force: true });
      return set(r, { state: 'failed', error: 'The recording could not be turned into a playable file; what was recorded is kept in the library folder.' });
    }
    let info: Record<string, unknown> = {};
    try {
      info = JSON.parse(readFileSync(`${stem}.info.json`, 'utf8')) as Record<string, unknown>;
    } catch {
      info = { extractor_key: 'Generic' };
    }
    const baseId = typeof info.id === 'string' ? info.id : 'live';
    info = { ...info, id: `${baseId}.live-${r.view.id}`, title: `${r.view.title ?? (typeof info.title === 'string' ? info.title : baseId)} (recorded live)`, duration, is_live: false };
    const thumb = await makePosterFrame(ffmpeg, out, duration);
    for (const f of files) if (f !== out && f !== `${stem}.info.json`) rmSync(f, { force: true });
    const video = o.library().add({ info, filePath: out, thumbnailPath: thumb && existsSync(thumb) ? thumb : null, sourceUrl: `${normalizeUrl(r.view.url)}#live-${r.view.id}`, audioOnly: false });
    set(r, { state: 'done', videoId: video.id, recordedSec: duration });
  };

  return {
    async record(url, fromStart) {
      validateUrl(url);
      if ([...recs.values()].filter((x) => x.view.state !== 'done' && x.view.state !== 'failed').length >= MAX_OPEN) {
        throw new VidKeepError('busy', `VidKeep is already recording or waiting for ${MAX_OPEN} streams.`, 'Stop one, or wait for one to end.');
      }
      const tools = o.getTools();
      if (!tools.ytDlp.found || !tools.ytDlp.path) throw new VidKeepError('ytdlp-missing', 'VidKeep could not find yt-dlp.', 'Install yt-dlp, set its path in Settings, or let VidKeep download it.');
      if (!tools.ffmpeg.found || !tools.ffmpeg.path) throw new VidKeepError('ffmpeg-missing', 'Recording a live stream needs ffmpeg, which VidKeep could not find.', 'Install ffmpeg, then try again.', { reason: 'live' });
      const p = await o.probe(url);
      const waitUntil = p.liveStatus === 'is_upcoming' && p.startsAt !== null && p.startsAt > now() ? p.startsAt : null;
      const r: Rec = {
        view: { id: randomUUID().slice(0, 12), url: url.trim(), title: p.title, state: waitUntil ? 'waiting' : 'queued', startsAt: p.startsAt, startedAt: null, recordedSec: null, videoId: null, error: null },
        fromStart,
        pid: null,
        timer: null,
        stderr: '',
        ended: null,
        stopped: false,
      };
      recs.set(r.view.id, r);
      tell(r);
      if (waitUntil) {
        // One timer per premiere: it starts on time, or at once if the computer slept past it.
        r.timer = setTimeout(() => {
          r.timer = null;
          if (r.view.state === 'waiting') set(r, { state: 'queued' });
          pump();
        }, Math.max(0, waitUntil - now()));
      } else pump();
      return { ...r.view };
    },
    async stop(id) {
      const r = recs.get(id);
      if (!r) throw new VidKeepError('not-found', 'That recording is not in VidKeep any more.', undefined, { reason: 'recording' });
      if (r.view.state === 'waiting' || r.view.state === 'queued') {
        if (r.timer) clearTimeout(r.timer);
        set(r, { state: 'failed', error: 'Stopped before it started.' });
      } else if (r.view.state === 'recording' && r.pid !== null) {
        r.stopped = true;
        set(r, { state: 'stopping' });
        const pid = r.pid;
        try {
          // SIGINT first: ffmpeg closes its file and yt-dlp leaves the part in place.
          process.kill(process.platform === 'win32' ? pid : -pid, 'SIGINT');
        } catch {
          // already gone
        }
        const hard = setTimeout(() => void killTree(pid, { graceMs: 2000 }), o.stopGraceMs ?? 5000);
        await r.ended;
        clearTimeout(hard);
      } else if (r.ended) await r.ended;
      return { ...r.view };
    },
    list: () => [...recs.values()].map((r) => ({ ...r.view })),
    async close() {
      await Promise.all([...recs.values()].filter((r) => r.view.state === 'recording').map((r) => this.stop(r.view.id)));
      for (const r of recs.values()) if (r.timer) clearTimeout(r.timer);
    },
  };
}
