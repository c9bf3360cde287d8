import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';

/** ffprobe sits beside ffmpeg in every distribution we find (apt, brew, static builds). */
export function ffprobeFor(ffmpegPath: string): string | null {
  const dir = dirname(ffmpegPath);
  const name = basename(ffmpegPath).replace(/ffmpeg/i, 'ffprobe');
  const p = join(dir, name);
  return existsSync(p) ? p : null;
}

function run(bin: string, args: string[], timeoutMs: number): Promise<string | null> {
  return new Promise((resolve) => {
    execFile(bin, args, { timeout: timeoutMs, windowsHide: true, maxBuffer: 1 << 20 }, (err, stdout) => resolve(err ? null : stdout));
  });
}

/** Duration in seconds from the file itself, for sites whose metadata has none (generic links). */
export async function probeDuration(ffmpegPath: string, file: string, timeoutMs = 15_000): Promise<number | null> {
  const ffprobe = ffprobeFor(ffmpegPath);
  if (!ffprobe) return null;
  const out = await run(ffprobe, ['-v', 'error', '-show_entries', 'format=duration', '-of', 'default=nw=1:nk=1', '--', file], timeoutMs);
  const n = out === null ? NaN : Number(out.trim());
  return Number.isFinite(n) && n > 0 ? n : null;
}

/**
 * A poster frame beside the video (`<name>.jpg`) when the site gave no thumbnail, so the library
 * never shows a blank card. Never overwrites; returns the path or null.
 */
export async function makePosterFrame(ffmpegPath: string, file: string, durationSec: number | null, timeoutMs = 20_000): Promise<string | null> {
  const out = join(dirname(file), `${basename(file, extname(file))}.jpg`);
  if (existsSync(out)) return out;
  const at = durationSec && durationSec > 2 ? Math.min(durationSec / 3, 30) : 0;
  const ok = await run(ffmpegPath, ['-hide_banner', '-loglevel', 'error', '-n', '-ss', at.toFixed(2), '-i', file, '-frames:v', '1', '-vf', 'scale=480:-2', '-q:v', '4', out], timeoutMs);
  return ok !== null && existsSync(out) ? out : null;
}
