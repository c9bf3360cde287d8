import { execFile } from 'node:child_process';
import type { Probe } from '../../shared/choose';
import { VidKeepError } from '../../shared/errors';
import { classifyFailure } from '../ytdlp/errors';
import { validateUrl } from '../ytdlp/url';
import { toProbe } from './formats';

export interface ProbeOptions {
  ytDlp: string | null;
  url: string;
  timeoutMs?: number;
  /** Extra yt-dlp options another part adds for this site (cookies, proxy). */
  extraArgs?: string[];
  execFileImpl?: typeof execFile;
}

/** argv of the one probe: a single video's metadata and formats, nothing downloaded. */
export function probeArgs(url: string, extra: string[] = []): string[] {
  return ['--ignore-config', '-J', '--no-playlist', '--no-warnings', '--socket-timeout', '30', ...extra, '--', url];
}

/** The media file's own address, for an ffprobe when the site gives no duration (direct links). */
export const mediaUrlOf = (info: Record<string, unknown>): string | null => (typeof info.url === 'string' && /^https?:\/\//.test(info.url) ? info.url : null);

/** One `yt-dlp -J` of the link: formats, duration and live state. Throws a VidKeepError people can read. */
export function probe(o: ProbeOptions): Promise<Probe & { mediaUrl: string | null }> {
  const url = validateUrl(o.url).toString();
  if (!o.ytDlp) return Promise.reject(new VidKeepError('ytdlp-missing', 'VidKeep could not find yt-dlp.', 'Install yt-dlp, set its path in Settings, or let VidKeep download it.'));
  const run = o.execFileImpl ?? execFile;
  return new Promise((resolve, reject) => {
    run(o.ytDlp!, probeArgs(url, o.extraArgs), { timeout: o.timeoutMs ?? 60_000, windowsHide: true, maxBuffer: 64 << 20, encoding: 'utf8' }, (err, stdout, stderr) => {
      if (err) {
        const code = typeof err.code === 'number' ? err.code : null;
        const spawnError = typeof err.code === 'string' ? err.code : undefined;
        const c = classifyFailure({ stderr: String(stderr), exitCode: code, ...(spawnError ? { spawnError } : {}), site: new URL(url).hostname });
        return reject(new VidKeepError(c.code, c.message, c.hint, c.values));
      }
      try {
        const info = JSON.parse(String(stdout)) as Record<string, unknown>;
        if (info._type === 'playlist') return reject(new VidKeepError('invalid-input', 'This link is a playlist: choose its entries first, then a format for one of them.', undefined, { reason: 'isPlaylist' }));
        resolve({ ...toProbe(o.url.trim(), info), mediaUrl: mediaUrlOf(info) });
      } catch {
        reject(new VidKeepError('download-failed', 'yt-dlp did not describe this link in a way VidKeep understands.'));
      }
    });
  });
}
