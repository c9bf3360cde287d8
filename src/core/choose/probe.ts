import YTDlpWrapImport from 'yt-dlp-wrap';
import type { Probe } from '../../shared/choose';
import { VidKeepError } from '../../shared/errors';
import { classifyFailure } from '../ytdlp/errors';
import type { ProcessTracker } from '../ytdlp/processes';
import { validateUrl } from '../ytdlp/url';
import { toProbe } from './formats';

// CommonJS with `exports.default`: a bundler hands over the class, plain Node ESM the exports object.
const YTDlpWrap = (YTDlpWrapImport as unknown as { default?: typeof YTDlpWrapImport }).default ?? YTDlpWrapImport;

export interface ProbeOptions {
  ytDlp: string | null;
  url: string;
  timeoutMs?: number;
  /** Extra yt-dlp options another part adds for this site (cookies, proxy). */
  extraArgs?: string[];
  /** Records the child before it is spawned, so a crash mid-probe leaves nothing running for good. */
  tracker?: ProcessTracker;
  signal?: AbortSignal;
}

/** argv of the one probe: a single video's metadata and formats, nothing downloaded. */
export function probeArgs(url: string, extra: string[] = []): string[] {
  return ['--ignore-config', '-J', '--no-playlist', '--no-warnings', '--socket-timeout', '30', ...extra, '--', url];
}

/** The media file's own address, for an ffprobe when the site gives no duration (direct links). */
export const mediaUrlOf = (info: Record<string, unknown>): string | null => (typeof info.url === 'string' && /^https?:\/\//.test(info.url) ? info.url : null);

/** What yt-dlp-wrap's error keeps of the failure: its message ends with the stderr. */
const stderrOf = (err: unknown) => (err instanceof Error ? (err.message.split('\n\nStderr:\n')[1] ?? '') : '');

/** One `yt-dlp -J` of the link: formats, duration and live state. Throws a VidKeepError people can read. */
export async function probe(o: ProbeOptions): Promise<Probe & { mediaUrl: string | null }> {
  const url = validateUrl(o.url).toString();
  if (!o.ytDlp) throw new VidKeepError('ytdlp-missing', 'VidKeep could not find yt-dlp.', 'Install yt-dlp, set its path in Settings, or let VidKeep download it.');
  const args = probeArgs(url, o.extraArgs);
  const tracked = o.tracker?.begin([o.ytDlp, ...args].join(' '));
  // yt-dlp-wrap's abort ends yt-dlp and the processes it started (taskkill /T, or pgrep -P then kill);
  // SIGKILL follows if yt-dlp still runs after a grace. (execFile drops `detached`, so there is no
  // process group to signal; anything left is found by its marker at the next launch.)
  const stop = new AbortController();
  const timer = setTimeout(() => stop.abort(new VidKeepError('timeout', 'The site took too long to describe this link.')), o.timeoutMs ?? 60_000);
  const onAbort = () => stop.abort(o.signal?.reason);
  o.signal?.addEventListener('abort', onAbort, { once: true });
  if (o.signal?.aborted) onAbort();
  let spawnError: string | undefined;
  const p = new YTDlpWrap(o.ytDlp).execPromise(args, { env: { ...process.env, ...tracked?.env }, windowsHide: true, maxBuffer: 64 << 20 }, stop.signal);
  const child = p.ytDlpProcess;
  child?.on('error', (err: NodeJS.ErrnoException) => (spawnError = err.code ?? 'spawn-failed'));
  if (child?.pid !== undefined) tracked?.spawned(child.pid);
  let hardKill: ReturnType<typeof setTimeout> | undefined;
  stop.signal.addEventListener('abort', () => void (hardKill = setTimeout(() => child?.exitCode === null && child.kill('SIGKILL'), 2_000)), { once: true });
  let stdout: string;
  try {
    stdout = await p;
  } catch (err) {
    if (stop.signal.aborted) throw stop.signal.reason instanceof VidKeepError ? stop.signal.reason : new VidKeepError('cancelled', 'The probe was cancelled.');
    const exitCode = child?.exitCode ?? null;
    const c = classifyFailure({ stderr: stderrOf(err), exitCode, ...(spawnError ? { spawnError } : {}), site: new URL(url).hostname });
    throw new VidKeepError(c.code, c.message, c.hint, c.values);
  } finally {
    clearTimeout(timer);
    o.signal?.removeEventListener('abort', onAbort);
    clearTimeout(hardKill);
    tracked?.ended();
  }
  let info: Record<string, unknown>;
  try {
    info = JSON.parse(stdout) as Record<string, unknown>;
  } catch {
    throw new VidKeepError('download-failed', 'yt-dlp did not describe this link in a way VidKeep understands.');
  }
  if (info._type === 'playlist') throw new VidKeepError('invalid-input', 'This link is a playlist: choose its entries first, then a format for one of them.', undefined, { reason: 'isPlaylist' });
  return { ...toProbe(o.url.trim(), info), mediaUrl: mediaUrlOf(info) };
}
