/**
 * argv of a live recording. ffmpeg records into MPEG-TS, which stays playable however the recording
 * ends (stopped, killed, connection lost); VidKeep remuxes it into MP4 afterwards.
 */
export function liveArgs(o: { url: string; libraryDir: string; recordingId: string; ffmpegPath: string; fromStart: boolean }): string[] {
  return [
    '--ignore-config',
    '--newline',
    '--no-playlist',
    '--no-overwrites',
    '--restrict-filenames',
    '--socket-timeout', '30',
    '--downloader', 'ffmpeg',
    '--hls-use-mpegts',
    ...(o.fromStart ? ['--live-from-start'] : []),
    '--ffmpeg-location', o.ffmpegPath,
    '-P', o.libraryDir,
    '-o', `%(extractor_key)s/%(id)s.live-${o.recordingId}.%(ext)s`,
    '--write-info-json',
    '--',
    o.url,
  ];
}

/** ffmpeg's `time=00:01:02.50` progress as seconds, or null. */
export function recordedSeconds(text: string): number | null {
  const all = [...text.matchAll(/time=(\d+):(\d{2}):(\d{2}(?:\.\d+)?)/g)];
  const m = all.at(-1);
  if (!m) return null;
  return Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3]);
}
