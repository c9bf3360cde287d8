import { spawn as nodeSpawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { VidKeepError } from '../../shared/errors';
import { classifyFailure } from '../ytdlp/errors';
import { killTree } from '../ytdlp/kill';
import type { SpawnFn } from '../ytdlp/run';
import type { ProcessTracker } from '../ytdlp/processes';
import { toListedEntry } from './entries';
import type { ListedEntry, Lister } from './types';

const MARK = 'VK:ENTRY';
const FIELDS = 'id,url,webpage_url,title,duration,upload_date,timestamp,ie_key,extractor_key,_type,live_status,playlist_title';

/** The download wording of some errors, said of a list instead. */
const LISTING_MESSAGES: Partial<Record<string, string>> = {
  'download-failed': 'yt-dlp could not list the videos at this link.',
  forbidden: 'The website refused to show this list (403 Forbidden).',
  unavailable: 'This channel or playlist is private, removed, members-only or blocked in your country.',
  'unsupported-site': 'VidKeep (through yt-dlp) cannot list videos from this page.',
};

/** argv for a cheap listing: no page of any video is fetched, entries stream as yt-dlp reads them. */
export function listArgs(url: string, max: number): string[] {
  return [
    '--ignore-config',
    '--flat-playlist',
    '--lazy-playlist',
    '--yes-playlist',
    '--no-warnings',
    '--socket-timeout', '30',
    // YouTube's flat channel listing has no dates unless asked to approximate them (for "only after").
    '--extractor-args', 'youtubetab:approximate_date',
    '-I', `1:${Math.max(1, Math.floor(max))}`,
    '--print', `${MARK}%(.{${FIELDS}})j`,
    '--',
    url,
  ];
}

export interface YtDlpListerOptions {
  getYtDlp: () => string | null;
  spawn?: SpawnFn;
  /** Told about each child so a crashed launch's listing is reaped like a download. */
  onSpawn?: (pid: number, command: string) => void;
  onExit?: (pid: number) => void;
  /** Records each child before it is spawned, so a crashed launch's listing is always found. */
  tracker?: Pick<ProcessTracker, 'begin'>;
  /** A listing that prints nothing for this long is stopped (default 2 min). */
  stallMs?: number;
  platform?: NodeJS.Platform;
  /** The site's pacing, proxy and cookies (core/sites); throws while the site waits out a 429. */
  siteRun?: (url: string) => { args: string[]; cleanup(): void };
  /** Told when a listing met a 429, so the site's wait covers downloads too. */
  onRateLimited?: (url: string, retryAfterMs?: number) => void | Promise<void>;
}

/**
 * Lists with `yt-dlp --flat-playlist --lazy-playlist`. Breaking out of the loop ends yt-dlp at once,
 * so a check that meets a known entry never makes yt-dlp fetch the next page of a channel.
 */
export function createYtDlpLister(o: YtDlpListerOptions): Lister {
  const spawn = o.spawn ?? nodeSpawn;
  const platform = o.platform ?? process.platform;
  return async function* list({ url, max, signal, onTitle }): AsyncGenerator<ListedEntry> {
    const bin = o.getYtDlp();
    if (!bin) throw new VidKeepError('ytdlp-missing', 'VidKeep could not find yt-dlp.', 'Install yt-dlp, set its path in Settings, or let VidKeep download it.');
    const site = o.siteRun?.(url);
    const base = listArgs(url, max);
    const args = site ? [...base.slice(0, -2), ...site.args, ...base.slice(-2)] : base;
    const tracked = o.tracker?.begin([bin, ...args].join(' '));
    const child = spawn(bin, args, {
      shell: false,
      detached: platform !== 'win32',
      windowsHide: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, PYTHONIOENCODING: 'utf-8', PYTHONUNBUFFERED: '1', ...tracked?.env },
    });
    const pid = child.pid ?? null;
    if (pid !== null) tracked?.spawned(pid);
    if (pid !== null) o.onSpawn?.(pid, [bin, ...args].join(' '));
    let stderr = '';
    let spawnError: string | undefined;
    let ended: 'stalled' | 'aborted' | null = null;
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (d: string) => (stderr = (stderr + d).slice(-16_384)));
    const exited = new Promise<number | null>((resolve) => {
      child.on('error', (err: NodeJS.ErrnoException) => {
        spawnError = err.code ?? err.message;
        resolve(null);
      });
      child.on('close', (code) => resolve(code));
    });
    const stop = (why: 'stalled' | 'aborted') => {
      if (ended) return;
      ended = why;
      if (pid !== null) void killTree(pid, { graceMs: 2000, platform });
    };
    let stall: NodeJS.Timeout | undefined;
    const arm = () => {
      clearTimeout(stall);
      stall = setTimeout(() => stop('stalled'), o.stallMs ?? 120_000);
    };
    const onAbort = () => stop('aborted');
    signal.addEventListener('abort', onAbort, { once: true });
    arm();
    let titled = false;
    let finished = false;
    let exit: { code: number | null; stderr: string; spawnError: string | undefined } | null = null;
    try {
      const lines = createInterface({ input: child.stdout!, crlfDelay: Infinity });
      for await (const line of lines) {
        arm();
        const at = line.indexOf(MARK);
        if (at < 0) continue;
        let raw: Record<string, unknown>;
        try {
          raw = JSON.parse(line.slice(at + MARK.length)) as Record<string, unknown>;
        } catch {
          continue;
        }
        if (!titled && typeof raw.playlist_title === 'string' && raw.playlist_title) {
          titled = true;
          onTitle?.(raw.playlist_title);
        }
        const entry = toListedEntry(raw);
        if (entry) yield entry;
      }
      finished = true;
    } finally {
      clearTimeout(stall);
      signal.removeEventListener('abort', onAbort);
      // The consumer stopped early (or something threw): end yt-dlp before it reads another page.
      if (!finished && pid !== null && !ended) {
        ended = 'aborted';
        void killTree(pid, { graceMs: 2000, platform });
      }
      const code = await exited;
      tracked?.ended();
      site?.cleanup();
      if (pid !== null) o.onExit?.(pid);
      exit = { code, stderr, spawnError };
    }
    // Only a listing that ran to its end is judged: one the check stopped early was ended on purpose.
    if (ended === 'aborted' || signal.aborted) throw new VidKeepError('cancelled', 'The check was stopped.', undefined, { reason: 'check' });
    if (ended === 'stalled') throw new VidKeepError('stalled', 'The site stopped answering while VidKeep listed its videos.', 'The next check tries again.', { reason: 'listing' });
    // A listing that broke off part-way is a failed check: recording half a channel as seen would
    // make the next check stop early and skip what this one never reached.
    if (exit && exit.code !== 0) {
      const c = classifyFailure({ stderr: exit.stderr, exitCode: exit.code, ...(exit.spawnError ? { spawnError: exit.spawnError } : {}) });
      if (c.code === 'rate-limited') await o.onRateLimited?.(url, c.retryAfterMs);
      // classifyFailure's hint already carries what yt-dlp said.
      const listing = LISTING_MESSAGES[c.code];
      throw new VidKeepError(c.code, listing ?? c.message, c.hint, listing ? { ...c.values, reason: 'listing' } : c.values);
    }
  };
}
