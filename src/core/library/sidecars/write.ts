/**
 * Writes the media-server sidecars beside a video placed by the layout: `<stem>.nfo`,
 * `<stem>-thumb.jpg`, and in the channel folder `tvshow.nfo` and `poster.jpg`. Each file is written
 * whole (temp file, then rename) so a crash never leaves half an XML file for Kodi to choke on.
 */
import { copyFileSync, existsSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { episodeNfo, tvshowNfo } from './nfo';

function writeWhole(file: string, write: (tmp: string) => void): void {
  const tmp = `${file}.${process.pid}.vk-tmp`;
  try {
    write(tmp);
    renameSync(tmp, file);
  } finally {
    rmSync(tmp, { force: true });
  }
}

/** The show folder: above "Season NNNN" in the media-server layout, else the video's own folder. */
export function channelFolder(videoFile: string): string {
  const dir = dirname(videoFile);
  return /^Season \d+$/.test(basename(dir)) ? dirname(dir) : dir;
}

export interface SidecarInput {
  videoFile: string;
  info: Record<string, unknown>;
  /** The poster yt-dlp wrote (absolute), if any. */
  thumbnail: string | null;
}

/** Returns the files written. Throws on I/O errors; the caller decides they never fail a download. */
export function writeSidecars({ videoFile, info, thumbnail }: SidecarInput): string[] {
  const dir = dirname(videoFile);
  const stem = basename(videoFile, extname(videoFile));
  const written: string[] = [];
  let thumbName: string | null = null;
  if (thumbnail && existsSync(thumbnail)) {
    thumbName = `${stem}-thumb${extname(thumbnail).toLowerCase() || '.jpg'}`;
    const target = join(dir, thumbName);
    if (target !== thumbnail) writeWhole(target, (tmp) => copyFileSync(thumbnail, tmp));
    written.push(target);
  }
  const nfo = join(dir, `${stem}.nfo`);
  writeWhole(nfo, (tmp) => writeFileSync(tmp, episodeNfo({ info, stem, thumbName })));
  written.push(nfo);

  const show = channelFolder(videoFile);
  let posterName: string | null = null;
  if (thumbnail && existsSync(thumbnail)) {
    posterName = `poster${extname(thumbnail).toLowerCase() || '.jpg'}`;
    // The channel's first poster stays: a later video's thumbnail is no better a picture of it.
    const poster = join(show, posterName);
    if (!existsSync(poster)) {
      writeWhole(poster, (tmp) => copyFileSync(thumbnail, tmp));
      written.push(poster);
    }
  }
  const tvshow = join(show, 'tvshow.nfo');
  writeWhole(tvshow, (tmp) => writeFileSync(tmp, tvshowNfo(info, posterName ?? (existsSync(join(show, 'poster.jpg')) ? 'poster.jpg' : null))));
  written.push(tvshow);
  return written;
}
