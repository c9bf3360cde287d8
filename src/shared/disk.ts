import { z } from 'zod';

/** Space the library takes (its videos' files) and what is free on its drive; null when unknown. */
export const libraryDiskSchema = z.object({
  usedBytes: z.number().nonnegative(),
  freeBytes: z.number().nonnegative().nullable(),
  /** The asked channel's share (videos by that uploader), when one was asked for. */
  channelBytes: z.number().nonnegative().nullable(),
});
export type LibraryDisk = z.infer<typeof libraryDiskSchema>;
