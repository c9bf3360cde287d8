import { z } from 'zod';
import { downloadOptionsSchema } from './download';
import { backgroundSchema, compatibilitySchema, sponsorBlockSchema } from './choose';

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
});
export type Settings = z.infer<typeof settingsSchema>;
