/**
 * TEMPORARY placement for copied and moved files, `<site>/<id>`, until the layout presets
 * (src/core/library/layout, branch `layout`) land; then planPath decides. Every part is reduced
 * to letters, digits, '.', '_' and '-', so no id or title can make a folder or leave the library.
 */
const safe = (s: string, max: number) => {
  const t = s.normalize('NFC').replace(/[^\p{L}\p{N}._-]+/gu, '_').replace(/^[._]+|[._]+$/g, '').slice(0, max);
  return t === '' ? 'video' : t;
};

export function plainPlacement(site: string, siteId: string, title: string): string {
  return site === 'Local' ? `${safe(site, 40)}/${safe(title, 120)} [${siteId.slice(0, 8)}]` : `${safe(site, 40)}/${safe(siteId, 120)}`;
}
