import { z } from 'zod';
import { errorViewSchema } from './errors';

/** Why a video was left where it was by "Reorganize library". */
export const REORGANIZE_SKIP_REASONS = ['missing', 'not-a-file', 'bad-target', 'bad-source', 'no-free-name', 'changed', 'copy-failed', 'error'] as const;
export const reorganizeSkipReasonSchema = z.enum(REORGANIZE_SKIP_REASONS);
export type ReorganizeSkipReason = z.infer<typeof reorganizeSkipReasonSchema>;

export const REORGANIZE_STATES = ['idle', 'queued', 'running', 'succeeded', 'failed', 'cancelled'] as const;

/** The one "Reorganize library" job: where it is, and what it did or is doing. */
export const reorganizeStatusSchema = z.object({
  state: z.enum(REORGANIZE_STATES),
  jobId: z.string().nullable(),
  /** Videos looked at so far, of `total`. */
  done: z.number().int(),
  total: z.number().int(),
  moved: z.number().int(),
  skipped: z.number().int(),
  /** The title of the video being moved now. */
  current: z.string().nullable(),
  /** Cancelled, and finishing the video in hand. */
  stopping: z.boolean(),
  error: errorViewSchema.nullable(),
  /** The first skipped videos (at most 200), with the reason. */
  skippedItems: z.array(z.object({ videoId: z.string(), title: z.string(), reason: reorganizeSkipReasonSchema })),
});
export type ReorganizeStatus = z.infer<typeof reorganizeStatusSchema>;

/** Before asking: how many videos the chosen layout would move. */
export const reorganizePreviewSchema = z.object({ total: z.number().int(), toMove: z.number().int() });
export type ReorganizePreview = z.infer<typeof reorganizePreviewSchema>;
