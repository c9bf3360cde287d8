/**
 * ffprobe for a file without an info json: its duration and whether it has a picture. Bounded in
 * time and output; a file ffprobe cannot read answers null (skipped as damaged), never throws.
 */
import { execFile } from 'node:child_process';

export interface Probed {
  durationSec: number | null;
  hasVideo: boolean;
  hasAudio: boolean;
}

export type Prober = (file: string, signal?: AbortSignal) => Promise<Probed | null>;

export function parseProbe(stdout: string): Probed | null {
  let j: { format?: { duration?: string }; streams?: Array<{ codec_type?: string; disposition?: { attached_pic?: number } }> };
  try {
    j = JSON.parse(stdout) as typeof j;
  } catch {
    return null;
  }
  const streams = j.streams ?? [];
  // Cover art in an audio file is a "video" stream too; it is not a picture to watch.
  const hasVideo = streams.some((s) => s.codec_type === 'video' && s.disposition?.attached_pic !== 1);
  const hasAudio = streams.some((s) => s.codec_type === 'audio');
  if (!hasVideo && !hasAudio) return null;
  const d = Number(j.format?.duration);
  return { durationSec: Number.isFinite(d) && d > 0 ? d : null, hasVideo, hasAudio };
}

/** The path goes as `file:<absolute>`: a name can never be read as an option or another protocol. */
export function createProber(ffprobe: string, timeoutMs = 30_000): Prober {
  return (file, signal) =>
    new Promise((resolve) => {
      execFile(
        ffprobe,
        ['-v', 'error', '-show_entries', 'format=duration:stream=codec_type:stream_disposition=attached_pic', '-of', 'json', `file:${file}`],
        { timeout: timeoutMs, maxBuffer: 1 << 20, windowsHide: true, ...(signal ? { signal } : {}) },
        (err, stdout) => resolve(err ? null : parseProbe(stdout)),
      );
    });
}
