/**
 * Where a copied or moved file goes in the library: the layout setting's planPath (the same
 * readable, always-safe names a new download gets), from its info json, or for a file without one
 * from its title and fingerprint.
 */
import { fieldsFromInfo, planPath, type LayoutSetting } from '../library/layout/index';

/** The library-relative path without the extension. */
export function plannedStem(layout: LayoutSetting, info: Record<string, unknown> | null, ext: string, local: { siteId: string; title: string }): string {
  const fields = info ? fieldsFromInfo(info, ext) : fieldsFromInfo({ extractor_key: 'Local', id: local.siteId.slice(0, 12), title: local.title }, ext);
  const path = planPath(layout, fields);
  return path.slice(0, path.length - ext.length - 1);
}
