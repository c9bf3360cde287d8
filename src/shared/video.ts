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
});
export type Video = z.infer<typeof videoSchema>;

export const LIBRARY_SORTS = ['added', 'title', 'duration', 'uploader'] as const;
export const librarySortSchema = z.enum(LIBRARY_SORTS);
export type LibrarySort = z.infer<typeof librarySortSchema>;
