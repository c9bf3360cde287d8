/** A download as the app speaks of it: not a queue row, but what a person asked for and got. */
import { z } from 'zod';
import { errorViewSchema } from './errors';
import { jobStateSchema, millisSchema, progressSchema, STAGES } from './progress';

export const QUALITIES = ['best', '1080p', '720p', '480p'] as const;
export const AUDIO_FORMATS = ['m4a', 'mp3'] as const;
export const qualitySchema = z.enum(QUALITIES);
export const audioFormatSchema = z.enum(AUDIO_FORMATS);
export type Quality = z.infer<typeof qualitySchema>;
export type AudioFormat = z.infer<typeof audioFormatSchema>;

export const downloadOptionsSchema = z.object({
  quality: qualitySchema,
  audioOnly: z.boolean(),
  audioFormat: audioFormatSchema,
  subtitles: z.boolean(),
});
export type DownloadOptions = z.infer<typeof downloadOptionsSchema>;

export const DEFAULT_DOWNLOAD_OPTIONS: DownloadOptions = {
  quality: 'best',
  audioOnly: false,
  audioFormat: 'm4a',
  subtitles: false,
};

/** Who asked for it: pasted in the app, queued by a subscription, imported from a list, or given on the command line. */
export const DOWNLOAD_ORIGINS = ['pasted', 'subscription', 'import', 'command-line'] as const;
export const downloadOriginSchema = z.enum(DOWNLOAD_ORIGINS);
export type DownloadOrigin = z.infer<typeof downloadOriginSchema>;
/** The origins a request may name; 'subscription' is only ever set by the core. */
export const requestOriginSchema = z.enum(['pasted', 'import', 'command-line']);

/** What a finished download produced. The shapes are stored in queue rows, so they stay as they are. */
export const downloadResultSchema = z.union([
  z.object({ videoId: z.string() }),
  z.object({ alreadyKept: z.string() }),
  z.object({ needsConfirm: z.literal(true), playlistTitle: z.string().nullable(), count: z.number().int(), url: z.string() }),
  z.object({ expanded: z.number().int(), playlistTitle: z.string().nullable() }),
]);
export type DownloadResult = z.infer<typeof downloadResultSchema>;

/** A run's stages, plus 'stopping' while a cancel or shutdown is ending it. */
export const downloadStageSchema = z.enum([...STAGES, 'stopping']);
export type DownloadStage = z.infer<typeof downloadStageSchema>;

export const downloadSchema = z.object({
  /** The job id: actions (cancel, retry, promote, remove) take it. */
  id: z.string(),
  /** The link as people see it (yt-dlp's smuggled data removed). */
  url: z.string(),
  /** The title once known, the link before. */
  title: z.string(),
  /** A remote thumbnail yt-dlp reported, before the video is in the library. */
  thumbnail: z.string().nullable(),
  state: jobStateSchema,
  stage: downloadStageSchema,
  /** Set while a cancel or shutdown is stopping this run. */
  stopping: z.boolean(),
  progress: progressSchema.nullable(),
  options: downloadOptionsSchema,
  origin: downloadOriginSchema,
  subscriptionId: z.string().nullable(),
  /** Title of the playlist this entry came from. */
  playlist: z.string().nullable(),
  result: downloadResultSchema.nullable(),
  /** The library video it produced or found already kept. */
  videoId: z.string().nullable(),
  error: errorViewSchema.nullable(),
  tries: z.number().int(),
  maxTries: z.number().int(),
  priority: z.number(),
  /** When it runs next (a retry waits until then). */
  runAt: millisSchema,
  createdAt: millisSchema,
  startedAt: millisSchema.nullable(),
  finishedAt: millisSchema.nullable(),
});
export type Download = z.infer<typeof downloadSchema>;
