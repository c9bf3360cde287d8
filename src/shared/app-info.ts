import { z } from 'zod';

export const toolStatusSchema = z.object({
  found: z.boolean(),
  path: z.string().nullable(),
  version: z.string().nullable(),
  source: z.enum(['settings', 'bundled', 'path', 'downloaded']).nullable(),
  message: z.string().optional(),
  /** The parts of `message` for the UI's catalog (`tools.message`); `message` is the English fallback. */
  values: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export type ToolStatus = z.infer<typeof toolStatusSchema>;

export const appInfoSchema = z.object({
  version: z.string(),
  host: z.enum(['electron', 'web']),
  dataDir: z.string(),
  libraryDir: z.string(),
  ytDlp: toolStatusSchema,
  ffmpeg: toolStatusSchema,
  /** The JavaScript runtime yt-dlp needs for full YouTube support (since late 2025). */
  deno: toolStatusSchema,
});
export type AppInfo = z.infer<typeof appInfoSchema>;
