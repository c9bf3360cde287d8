import { execFile } from 'node:child_process';
import { ffprobeFor } from '../ytdlp/media-probe';

/**
 * Duration of a media file on the web, read by ffprobe from its header. Only http(s) may be opened,
 * also by whatever the file refers to (an HLS playlist naming file:// segments must not read the disk).
 */
export function probeRemoteDuration(ffmpegPath: string, url: string, timeoutMs = 20_000): Promise<number | null> {
  const ffprobe = ffprobeFor(ffmpegPath);
  if (!ffprobe || !/^https?:\/\//i.test(url)) return Promise.resolve(null);
  const args = ['-v', 'error', '-protocol_whitelist', 'http,https,tcp,tls', '-show_entries', 'format=duration', '-of', 'default=nw=1:nk=1', '--', url];
  return new Promise((resolve) => {
    execFile(ffprobe, args, { timeout: timeoutMs, windowsHide: true, maxBuffer: 1 << 16 }, (err, stdout) => {
      const n = err ? NaN : Number(String(stdout).trim());
      resolve(Number.isFinite(n) && n > 0 ? n : null);
    });
  });
}
