import { z } from 'zod';
import { millisSchema } from './progress';

export const videoSchema = z.object({
  id: z.string(),
  site: z.string(),
  siteId: z.string(),
  title: z.string(),
  uploader: z.string().nullable(),
  description: z.string().nullable(),
  durationSec: z.number().nullable(),
  sizeBytes: z.number().nullable(),
  /** Relative to the library folder. */
  filePath: z.string(),
  hasThumbnail: z.boolean(),
  sourceUrl: z.string(),
  addedAt: millisSchema,
  audioOnly: z.boolean(),
  missing: z.boolean(),
  playlist: z.string().nullable(),
  /** Marked "keep": a subscription's retention rule never deletes it. */
  keep: z.boolean(),
  watchState: z.enum(['unwatched', 'in-progress', 'watched']),
  /** Where playback stopped last (0 when never played, or once watched). */
  positionSec: z.number(),
  /** Last time it was played here (the "Continue watching" order). */
  playedAt: millisSchema.nullable(),
  /** Its place in the playlist it came from, when a playlist was kept whole. */
  playlistIndex: z.number().int().nullable(),
});
export type Video = z.infer<typeof videoSchema>;

export const LIBRARY_SORTS = ['added', 'title', 'duration', 'uploader', 'playlist'] as const;
export const librarySortSchema = z.enum(LIBRARY_SORTS);
export type LibrarySort = z.infer<typeof librarySortSchema>;

export const WATCH_FILTERS = ['all', 'unwatched', 'in-progress', 'watched'] as const;
export const watchFilterSchema = z.enum(WATCH_FILTERS);
export type WatchFilter = z.infer<typeof watchFilterSchema>;
export type WatchState = Video['watchState'];

export const subtitleTrackSchema = z.object({
  /** As yt-dlp named it: 'en', 'de', 'en-US', 'live_chat'… */
  lang: z.string(),
  /** The file on disk; the media route serves every format as WebVTT. */
  format: z.enum(['vtt', 'srt', 'ass']),
});
export type SubtitleTrack = z.infer<typeof subtitleTrackSchema>;

export const chapterSchema = z.object({ title: z.string(), startSec: z.number(), endSec: z.number().nullable() });
export type Chapter = z.infer<typeof chapterSchema>;

/** What the player needs beyond the video row: its subtitle tracks and chapters. */
export const playbackInfoSchema = z.object({
  subtitles: z.array(subtitleTrackSchema),
  chapters: z.array(chapterSchema),
  /** Where the chapters came from. */
  chaptersFrom: z.enum(['info', 'file', 'none']),
});
export type PlaybackInfo = z.infer<typeof playbackInfoSchema>;

export const subtitleHitSchema = z.object({
  videoId: z.string(),
  title: z.string(),
  lang: z.string(),
  startSec: z.number(),
  text: z.string(),
});
export type SubtitleHit = z.infer<typeof subtitleHitSchema>;

/** A channel (uploader) or a playlist kept in the library, summed up for its page. */
export const collectionSchema = z.object({
  kind: z.enum(['channel', 'playlist']),
  name: z.string(),
  count: z.number().int(),
  sizeBytes: z.number(),
  watchedCount: z.number().int(),
  /** A video of this collection whose thumbnail stands in for an avatar (yt-dlp gives none per video). */
  avatarVideoId: z.string().nullable(),
  sourceUrl: z.string().nullable(),
});
export type Collection = z.infer<typeof collectionSchema>;
