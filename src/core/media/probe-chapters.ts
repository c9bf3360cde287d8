import { execFile } from 'node:child_process';
import type { Chapter } from '../../shared/types';
import { chaptersFromProbe } from '../library/chapters';
import { ffprobeFor } from '../ytdlp/media-probe';

/** Chapters stored in the file itself (MP4/MKV chapter atoms), read by ffprobe; [] when none. */
export function probeChapters(ffmpegPath: string | null, file: string, timeoutMs = 15_000): Promise<Chapter[]> {
  const ffprobe = ffmpegPath ? ffprobeFor(ffmpegPath) : null;
  if (!ffprobe) return Promise.resolve([]);
  return new Promise((resolve) => {
    execFile(ffprobe, ['-v', 'error', '-show_chapters', '-of', 'json', '--', file], { timeout: timeoutMs, windowsHide: true, maxBuffer: 4 << 20 }, (err, stdout) =>
      resolve(err ? [] : chaptersFromProbe(stdout)),
    );
  });
}
