import { z } from 'zod';
import { errorViewSchema } from './errors';

/** How new downloads are named inside the library (issue 14); the naming itself is in core/library/layout. */
export const LAYOUT_PRESETS = ['channel', 'media-server', 'flat', 'custom'] as const;
export const layoutPresetSchema = z.enum(LAYOUT_PRESETS);
export type LayoutPreset = z.infer<typeof layoutPresetSchema>;

/** `template` is used when `preset` is 'custom' (and kept while another preset is chosen). */
export const layoutSettingSchema = z.object({
  preset: layoutPresetSchema,
  template: z.string().max(1000),
});
export type LayoutSetting = z.infer<typeof layoutSettingSchema>;

export const DEFAULT_LAYOUT: LayoutSetting = { preset: 'channel', template: '' };

/** An example path for a layout, or why its template is refused. */
export const layoutPreviewSchema = z.object({
  path: z.string().nullable(),
  error: errorViewSchema.nullable(),
});
export type LayoutPreview = z.infer<typeof layoutPreviewSchema>;
