import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { lowerPriority, ownGroup } from './background-priority';

/** ffprobe sits beside ffmpeg in every distribution we find (apt, brew, static builds). */
export function ffprobeFor(ffmpegPath: string): string | null {
  const dir = dirname(ffmpegPath);
  const name = basename(ffmpegPath).replace(/ffmpeg/i, 'ffprobe');
  const p = join(dir, name);
  return existsSync(p) ? p : null;
}

export interface ProbeRunOptions {
  timeoutMs?: number;
  /** Aborting kills the child (a cancelled or timed-out poster job must not leave ffmpeg running). */
  signal?: AbortSignal;
  /** Told the child's pid while it runs, for the orphan table (a crash must not leave it behind). */
  onSpawn?: (pid: number, command: string) => void;
  onExit?: (pid: number) => void;
  /** Run on CPU that downloads leave idle (background-priority.ts). */
  background?: boolean;
}

const MAX_OUTPUT = 1 << 20;

/** Stdout of a helper that exited 0, or null (failed, timed out, aborted, too chatty). Never rejects. */
function run(bin: string, args: string[], o: ProbeRunOptions, fallbackTimeoutMs: number): Promise<string | null> {
  return new Promise((resolve) => {
    if (o.signal?.aborted) return resolve(null);
    let child: ChildProcess;
    try {
      child = spawn(bin, args, { windowsHide: true, stdio: ['ignore', 'pipe', 'ignore'], ...(o.background ? ownGroup() : {}) });
    } catch {
      return resolve(null);
    }
    const pid = child.pid;
    let out = '';
    let settled = false;
    const stop = () => void child.kill('SIGKILL');
    const timer = setTimeout(stop, o.timeoutMs ?? fallbackTimeoutMs);
    o.signal?.addEventListener('abort', stop, { once: true });
    const finish = (value: string | null) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      o.signal?.removeEventListener('abort', stop);
      if (pid !== undefined) o.onExit?.(pid);
      resolve(value);
    };
    child.stdout!.setEncoding('utf8');
    child.stdout!.on('data', (d: string) => {
      out += d;
      if (out.length > MAX_OUTPUT) stop();
    });
    child.on('error', () => finish(null));
    child.on('close', (code) => finish(code === 0 && out.length <= MAX_OUTPUT ? out : null));
    if (pid === undefined) return;
    if (o.background) lowerPriority(pid);
    o.onSpawn?.(pid, [bin, ...args].join(' '));
  });
}

/** Duration in seconds from the file itself, for sites whose metadata has none (generic links). */
export async function probeDuration(ffmpegPath: string, file: string, o: ProbeRunOptions = {}): Promise<number | null> {
  const ffprobe = ffprobeFor(ffmpegPath);
  if (!ffprobe) return null;
  const out = await run(ffprobe, ['-v', 'error', '-show_entries', 'format=duration', '-of', 'default=nw=1:nk=1', '--', file], o, 15_000);
  const n = out === null ? NaN : Number(out.trim());
  return Number.isFinite(n) && n > 0 ? n : null;
}

/** Where the poster frame of `file` goes: `<name>.jpg` beside it, the name yt-dlp gives a site's thumbnail. */
export const posterPathFor = (file: string): string => join(dirname(file), `${basename(file, extname(file))}.jpg`);

/**
 * A poster frame beside the video (`<name>.jpg`) when the site gave no thumbnail, so the library
 * never shows a blank card. Never overwrites; returns the path or null. Written under a temporary
 * name and renamed, so a crash mid-write never leaves a broken poster that a retry would keep.
 */
export async function makePosterFrame(ffmpegPath: string, file: string, durationSec: number | null, o: ProbeRunOptions = {}): Promise<string | null> {
  const out = posterPathFor(file);
  if (existsSync(out)) return out;
  const tmp = join(dirname(file), `${basename(file, extname(file))}.vkpart.jpg`);
  const at = durationSec && durationSec > 2 ? Math.min(durationSec / 3, 30) : 0;
  const ok = await run(ffmpegPath, ['-hide_banner', '-loglevel', 'error', '-y', '-ss', at.toFixed(2), '-i', file, '-frames:v', '1', '-vf', 'scale=480:-2', '-q:v', '4', tmp], o, 20_000);
  if (ok === null || !existsSync(tmp)) {
    rmSync(tmp, { force: true });
    return null;
  }
  // A poster that appeared meanwhile (the site's thumbnail, another run) wins over ours.
  if (existsSync(out)) {
    rmSync(tmp, { force: true });
    return out;
  }
  renameSync(tmp, out);
  return out;
}
