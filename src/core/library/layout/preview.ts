import type { LayoutPreview, LayoutSetting } from '../../../shared/layout';
import { checkTemplate, planPath } from './index';
import type { LayoutFields } from './types';

/**
 * The made-up video every preview names: a colon, a slash and an accent show what cleaning does.
 * Names, not words, so the example reads the same in every language of the UI.
 */
export const PREVIEW_FIELDS: LayoutFields = {
  site: 'Youtube',
  siteId: 'dQw4w9WgXcQ',
  title: 'Zürich: Lago 1/3',
  uploader: 'Studio Aurora',
  channelId: 'UC4QobU6STFB0P71PMvOGN5A',
  uploadDate: '20240131',
  ext: 'mp4',
  dayIndex: 1,
};

/** What a new download would be named under this layout, or why the custom template is refused. */
export function layoutPreview(layout: LayoutSetting): LayoutPreview {
  if (layout.preset === 'custom') {
    const bad = checkTemplate(layout.template);
    if (bad) return { path: null, error: bad.toJSON() };
  }
  return { path: planPath(layout, PREVIEW_FIELDS), error: null };
}
