import type { Req } from '../../shared/contract';
import type { Collection, Page, PlaybackInfo, SubtitleHit, Video } from '../../shared/types';
import type { MediaInfo } from './media-info';

/** The contract's request, as it is: a search never drifts from what the renderer may send. */
export type SearchQuery = Req<'library.search'>;

export interface AddVideo {
  /** yt-dlp's info json (parsed). */
  info: Record<string, unknown>;
  /** Absolute path yt-dlp printed after moving the file into place. */
  filePath: string;
  /** Absolute path of the thumbnail, when one was written. */
  thumbnailPath?: string | null;
  sourceUrl: string;
  audioOnly: boolean;
  playlist?: string | null;
  /** Its place in that playlist (else the info json's playlist_index). */
  playlistIndex?: number;
  /** The subscription that queued this download (it owns the row for retention). */
  subscriptionId?: string | null;
}

export interface Library {
  search(q: SearchQuery): Page<Video>;
  get(id: string): Video | null;
  /**
   * Removes the row and moves its files (video, thumbnail, info json, subtitles) to the trash, or
   * deletes them for good with `permanent` (retention rules, which exist to free disk space).
   */
  delete(id: string, opts?: { permanent?: boolean }): Promise<boolean>;
  sites(): string[];
  /** Marks a video kept: subscription retention never deletes it. Null when there is no such video. */
  setKeep(id: string, keep: boolean): Video | null;
  /** The user asked for this video by hand: no subscription's retention may delete it. */
  disown(id: string): void;
  findBySource(site: string, siteId: string): Video | null;
  findByUrl(url: string): Video | null;
  add(v: AddVideo): Video;
  /** Fills a missing duration or poster a follow-up job took from the file (media-info.ts); false when the video is gone. */
  fillMediaInfo(id: string, info: MediaInfo): boolean;
  /** Flags rows whose file vanished (and clears the flag when it is back). Never deletes rows. */
  markMissing(): { missing: number; present: number };
  /** Absolute real path inside the library, or null (unknown, missing, or a link pointing out). */
  resolveMedia(videoId: string, kind: 'video' | 'thumb'): Promise<string | null>;
  /** Saves where playback is; at 90 % the video counts as watched. Null when there is no such video. */
  setPosition(id: string, positionSec: number): Video | null;
  setWatched(id: string, watched: boolean): Video | null;
  /** Videos in progress, last played first. */
  continueWatching(limit: number): Video[];
  /** Subtitle tracks and chapters (from the info json, else from the file when ffprobe is given). */
  playback(id: string, ffprobe?: (file: string) => Promise<PlaybackInfo['chapters']>): Promise<PlaybackInfo | null>;
  /** The subtitle file of one language, as WebVTT text; null when there is none. */
  subtitleVtt(id: string, lang: string): Promise<string | null>;
  /** Lines of subtitles matching a phrase (the last word as a prefix), in index order. */
  searchSubtitles(query: string, limit: number): SubtitleHit[];
  collection(kind: Collection['kind'], name: string): Collection | null;
  /** Marks every video of a channel or playlist watched or unwatched (positions start over). */
  setCollectionWatched(kind: Collection['kind'], name: string, watched: boolean): Collection | null;
  /** Absolute path of a library-relative path (no checks). */
  absolute(relPath: string): string;
}
