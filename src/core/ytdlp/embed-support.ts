/**
 * What each container can hold of what yt-dlp embeds, and how a failed embedding step is told from
 * a failed download. Pure: the handler decides with these.
 */

/** Note codes a finished download may carry (see DownloadResult.notes). */
export const EMBED_NOTES = {
  cover: 'embed-no-cover',
  subtitles: 'embed-no-subtitles',
  metadata: 'embed-no-metadata',
} as const;
export type EmbedNote = (typeof EMBED_NOTES)[keyof typeof EMBED_NOTES];

/** yt-dlp 2023.03's EmbedThumbnail: MP3 (ID3), Matroska (attachment), MP4 family (covr atom). */
const COVER = new Set(['mp3', 'mkv', 'mka', 'm4a', 'mp4', 'mov', 'm4v']);
/** yt-dlp's EmbedSubtitle; other containers are skipped with a message. */
const SUBTITLES = new Set(['mp4', 'mov', 'm4a', 'webm', 'mkv', 'mka']);

export interface ContainerSupport {
  cover: boolean;
  subtitles: boolean;
}

export function containerSupport(ext: string): ContainerSupport {
  const e = ext.toLowerCase();
  return { cover: COVER.has(e), subtitles: SUBTITLES.has(e) };
}

/** The embedding steps, by yt-dlp's postprocessor key, and what is missing when one fails. */
const STEP_NOTES: Record<string, EmbedNote[]> = {
  // FFmpegMetadata fails before EmbedThumbnail runs, so the cover is missing too.
  FFmpegMetadata: [EMBED_NOTES.metadata, EMBED_NOTES.cover],
  EmbedThumbnail: [EMBED_NOTES.cover],
  // EmbedSubtitle runs first of the three: nothing after it was embedded.
  FFmpegEmbedSubtitle: [EMBED_NOTES.subtitles, EMBED_NOTES.metadata, EMBED_NOTES.cover],
};

/** Options whose steps run after EmbedSubtitle: their work would be lost with it, so such a failure stays one. */
const CUTS_AFTER_SUBS = ['--remove-chapters', '--sponsorblock-remove'];

export interface RunOutcome {
  reason: string;
  exitCode: number | null;
  stderr: string;
  downloaded: string | null;
  openPostprocessor: string | null;
}

/**
 * When yt-dlp failed only in an embedding step, the file it downloaded is whole and playable
 * (ffmpeg writes to a temporary file): returns that file and what is missing from it; else null.
 */
export function embedFailure(res: RunOutcome, args: readonly string[]): { file: string; notes: EmbedNote[] } | null {
  if (res.reason !== 'exit' || res.exitCode === 0 || !res.downloaded || !res.openPostprocessor) return null;
  const notes = STEP_NOTES[res.openPostprocessor];
  if (!notes || !/ERROR: Postprocessing: /.test(res.stderr)) return null;
  if (res.openPostprocessor === 'FFmpegEmbedSubtitle' && args.some((a) => CUTS_AFTER_SUBS.includes(a))) return null;
  return { file: res.downloaded, notes };
}

/** What a container could not take of what was asked for, known before any step runs. */
export function unsupportedNotes(o: { ext: string; hasThumbnail: boolean; subtitles: boolean }): EmbedNote[] {
  const s = containerSupport(o.ext);
  const notes: EmbedNote[] = [];
  if (o.hasThumbnail && !s.cover) notes.push(EMBED_NOTES.cover);
  if (o.subtitles && !s.subtitles) notes.push(EMBED_NOTES.subtitles);
  return notes;
}
