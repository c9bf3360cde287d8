import type { DownloadOptions } from '../../shared/types';
import { VidKeepError } from '../../shared/errors';
import { MARK } from './markers';

/**
 * Files are named by site and id, never by title: a title is data, not a path. A generic link's id
 * is only its file name ('clip' for a.example/clip.mp4 and b.example/clip.mp4 alike), so its file is
 * named after the whole link (`vk_file`, set by GENERIC_FILE_NAME); yt-dlp sanitises field values,
 * so the link's slashes never make folders.
 */
export const OUTPUT_TEMPLATE = '%(extractor_key)s/%(vk_file,id)s.%(ext)s';
/** Sets `vk_file` to the link without its scheme (and file extension) for the Generic extractor only. */
export const GENERIC_FILE_NAME = ['--parse-metadata', '%(extractor_key)s %(webpage_url)s:^Generic https?://(?P<vk_file>.+?)(?:\\.[A-Za-z0-9]{2,5})?$'];

export interface DownloadArgsInput {
  url: string;
  libraryDir: string;
  options: DownloadOptions;
  /** Known ffmpeg: enables merging, audio conversion and thumbnail conversion. */
  ffmpegPath: string | null;
  /** 'single' downloads one video even from a watch-in-playlist link; 'list' lists a playlist's entries. */
  mode: 'single' | 'list';
  socketTimeoutSec?: number;
  /** Write title, date, description, link, chapters, cover and chosen subtitles into the file (needs ffmpeg). */
  embedMetadata?: boolean;
  /** Options other parts build (chosen format, clip, SponsorBlock, per-site): after the preset's, so they win. */
  extraArgs?: string[];
}

const INFO_FIELDS = 'id,title,extractor_key,webpage_url,url,_type,thumbnail,uploader,duration,playlist_count,filesize,filesize_approx';
/** A merged download's size is its parts' (the top-level fields are then empty). */
const SIZE_PRINT = `pre_process:${MARK.size}{"f":%(filesize)j,"fa":%(filesize_approx)j,"rf":%(requested_formats.:.filesize)j,"rfa":%(requested_formats.:.filesize_approx)j}`;

/**
 * yt-dlp's own embedding steps. They keep the .jpg and subtitle files beside the video (we ask for
 * those files), and ones a container cannot take are skipped by yt-dlp or, for a cover in WebM,
 * fail after the file is complete: the handler keeps the file then and notes what is missing.
 */
export function embedArgs(o: { ffmpeg: boolean; embedMetadata: boolean; subtitles: boolean }): string[] {
  if (!o.ffmpeg || !o.embedMetadata) return [];
  return ['--embed-metadata', '--embed-chapters', '--embed-thumbnail', ...(o.subtitles ? ['--embed-subs'] : [])];
}

function formatArgs(o: DownloadOptions, ffmpeg: boolean): string[] {
  if (o.audioOnly) {
    if (o.audioFormat === 'mp3') {
      if (!ffmpeg) throw new VidKeepError('ffmpeg-missing', 'Saving audio as MP3 needs ffmpeg, which VidKeep could not find.', 'Install ffmpeg, or choose M4A audio.', { reason: 'mp3' });
      return ['-f', 'bestaudio/best', '-x', '--audio-format', 'mp3'];
    }
    return ffmpeg ? ['-f', 'bestaudio[ext=m4a]/bestaudio/best', '-x', '--audio-format', 'm4a'] : ['-f', 'bestaudio[ext=m4a]/bestaudio/best'];
  }
  // '<=?' keeps formats whose height is unknown (direct links), rather than failing to match.
  const cap = o.quality === 'best' ? '' : `[height<=?${o.quality.slice(0, -1)}]`;
  // Without ffmpeg separate video and audio streams cannot be merged: take the best single file.
  if (!ffmpeg) return ['-f', cap ? `b${cap}/w` : 'b'];
  return ['-f', cap ? `bv*${cap}+ba/b${cap}/wv*+ba/w` : 'bv*+ba/b', '--merge-output-format', 'mp4/mkv'];
}

/** The one place yt-dlp's argv is built. No shell ever sees it; the URL comes last, after `--`. */
export function buildDownloadArgs(i: DownloadArgsInput): string[] {
  const ffmpeg = i.ffmpegPath !== null;
  const args = [
    '--ignore-config',
    '--no-simulate',
    '--newline',
    '--progress',
    '--progress-template', `download:${MARK.progress}{"v":%(info.vcodec)j,"a":%(info.acodec)j,"p":%(progress)j}`,
    '--progress-template', `postprocess:${MARK.postprocess}{"s":%(progress.status)j,"pp":%(progress.postprocessor)j}`,
    '--print', `pre_process:${MARK.info}%(.{${INFO_FIELDS}})j`,
    '--print', SIZE_PRINT,
    '--print', `post_process:${MARK.downloaded}%(filepath)j`,
    '--print', `playlist:${MARK.playlist}%(.{id,title,playlist_count})j`,
    '--print', `after_move:${MARK.file}%(filepath)j`,
    '--flat-playlist',
    i.mode === 'single' ? '--no-playlist' : '--yes-playlist',
    '--socket-timeout', String(i.socketTimeoutSec ?? 30),
    '--retries', '3',
    '--fragment-retries', '3',
    '--abort-on-unavailable-fragments',
    '--continue',
    '--no-overwrites',
    '--restrict-filenames',
    '--windows-filenames',
    '--trim-filenames', '160',
    '-P', i.libraryDir,
    ...GENERIC_FILE_NAME,
    '-o', OUTPUT_TEMPLATE,
    '--write-info-json',
    '--write-thumbnail',
    ...(ffmpeg ? ['--convert-thumbnails', 'jpg'] : []),
    ...formatArgs(i.options, ffmpeg),
    ...(i.options.subtitles ? ['--write-subs', '--sub-langs', 'all,-live_chat', ...(ffmpeg ? ['--convert-subs', 'vtt'] : [])] : []),
    ...embedArgs({ ffmpeg, embedMetadata: i.embedMetadata ?? false, subtitles: i.options.subtitles }),
    ...(i.ffmpegPath ? ['--ffmpeg-location', i.ffmpegPath] : []),
    ...(i.extraArgs ?? []),
    '--',
    i.url,
  ];
  return args;
}
