/**
 * What the core's own jobs keep in their queue rows, as schemas: the view mapper reads rows
 * through these (a row written by an older VidKeep that does not fit is shown without the
 * missing parts, never cast), and the handlers take their types from them.
 */
import { z } from 'zod';
import { downloadOptionsSchema, downloadOriginSchema } from '../shared/download';

export const downloadPayloadSchema = z.object({
  url: z.string(),
  options: downloadOptionsSchema,
  /** The user agreed to download every entry of a playlist link. */
  confirmPlaylist: z.boolean().optional(),
  /** Title of the playlist this entry came from. */
  playlist: z.string().nullable().optional(),
  /** Its place in that playlist (1 first), so a playlist kept whole plays in its order. */
  playlistIndex: z.number().int().positive().optional(),
  /** Queued by this subscription's check. */
  subscriptionId: z.string().optional(),
  /** Who asked; rows from before this field read as pasted (or subscription when subscriptionId is set). */
  origin: downloadOriginSchema.optional(),
});
export type DownloadPayload = z.infer<typeof downloadPayloadSchema>;

export const checkPayloadSchema = z.object({
  subscriptionId: z.string(),
  /** "Check now" or the first check: runs even while the subscription is paused. */
  manual: z.boolean().optional(),
  /** The subscription's title (or link) when the check was queued. */
  title: z.string().optional(),
});
export type CheckPayload = z.infer<typeof checkPayloadSchema>;

export const checkResultSchema = z.object({
  queued: z.number().int(),
  looked: z.number().int(),
  stop: z.enum(['known', 'enough', 'limit', 'end', 'skipped', 'gone']),
  /** The channel or playlist title the listing reported. */
  title: z.string().nullable().optional(),
});
export type CheckResult = z.infer<typeof checkResultSchema>;
