import { z } from 'zod';

export const IMPORT_MODES = ['in-place', 'copy', 'move'] as const;
export const importModeSchema = z.enum(IMPORT_MODES);
export type ImportMode = z.infer<typeof importModeSchema>;

/** Why a file was not imported; the renderer words each from the catalog (import.reason.*). */
export const IMPORT_SKIP_REASONS = [
  'empty',
  'unreadable',
  'unreadableFolder',
  'notMedia',
  'truncated',
  'brokenInfo',
  'unprobeable',
  'link',
  'notFile',
  'tooDeep',
  'copyFailed',
  'tooMany',
] as const;
export const importSkipReasonSchema = z.enum(IMPORT_SKIP_REASONS);
export type ImportSkipReason = z.infer<typeof importSkipReasonSchema>;

export const IMPORT_STATES = ['scanning', 'importing', 'done', 'cancelled', 'failed'] as const;

export const importStatusSchema = z.object({
  jobId: z.string(),
  /** The folder as the user gave it (the desktop app) or relative to the library (rebuild). */
  folder: z.string(),
  mode: importModeSchema,
  /** Started by VidKeep itself on an empty database over a library that holds videos. */
  rebuild: z.boolean(),
  state: z.enum(IMPORT_STATES),
  /** Media files found so far (grows while scanning). */
  found: z.number().int(),
  /** Files handled: imported, already kept or skipped. */
  done: z.number().int(),
  imported: z.number().int(),
  alreadyKept: z.number().int(),
  skipped: z.number().int(),
  /** Lines added from download-archive files found in the folder. */
  archived: z.number().int(),
  /** The file being handled, relative to the folder. */
  current: z.string().nullable(),
  /** The first skipped files with their reasons (at most 500; `skipped` counts all). */
  skippedFiles: z.array(z.object({ path: z.string(), reason: importSkipReasonSchema })),
  startedAt: z.number(),
  finishedAt: z.number().nullable(),
});
export type ImportStatus = z.infer<typeof importStatusSchema>;

export const importStartSchema = z
  .object({
    /** An absolute folder path; over the web host it must lie under a --library-root. */
    folder: z.string().min(1).max(4096),
    mode: importModeSchema,
  })
  .strict();
