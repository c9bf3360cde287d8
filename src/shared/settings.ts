import { z } from 'zod';
import { downloadOptionsSchema } from './download';
import { backgroundSchema, compatibilitySchema, sponsorBlockSchema } from './choose';
import { LANGUAGE_CHOICES } from './i18n';
import { layoutSettingSchema } from './layout';

export const themeSchema = z.enum(['system', 'light', 'dark']);
export type Theme = z.infer<typeof themeSchema>;

export const settingsSchema = z.object({
  libraryDir: z.string(),
  maxConcurrent: z.number().int(),
  perSiteConcurrent: z.number().int(),
  maxTries: z.number().int(),
  timeoutMinutes: z.number().int(),
  defaults: downloadOptionsSchema,
  ytDlpPath: z.string(),
  theme: themeSchema,
  clipboardWatcher: z.boolean(),
  compatibility: compatibilitySchema,
  sponsorBlock: sponsorBlockSchema,
  background: backgroundSchema,
  /** The UI language, or 'system' to follow the system (or browser) language. */
  language: z.enum(LANGUAGE_CHOICES),
  /** Captions shown by default in this language ('' for none). */
  subtitleLanguage: z.string(),
  /** How new downloads are named in the library (issue 14). */
  layout: layoutSettingSchema,
  /** Title, date, chapters, cover and chosen subtitles written into the file itself (needs ffmpeg). */
  embedMetadata: z.boolean(),
});
export type Settings = z.infer<typeof settingsSchema>;
