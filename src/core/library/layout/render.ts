import { cleanText, guardReserved, safeComponent, trimEnds, truncateBytes, utf8Bytes } from './sanitize';
import type { InternalField, TemplateComponent } from './template';

/** Field values as text, each already one component's worth (no '/', no controls). */
export type FieldValues = Record<InternalField, string>;

/** A folder name may use at most this many bytes (kinder to Windows' path length than 255). */
export const FOLDER_MAX_BYTES = 120;
/**
 * The file name without extension stays within this many bytes, so every side file
 * (`<stem>.info.json`, `<stem>.<lang>.vtt`, `<stem>-thumb.jpg`, a " (2)") still fits in 255.
 */
export const STEM_MAX_BYTES = 200;

/** Fields shortened first when a name is too long; the id never is. */
const SHRINKABLE: InternalField[] = ['title', 'uploader', 'site', 'channel_id'];

const join = (parts: TemplateComponent, v: FieldValues): string => parts.map((p) => (p.kind === 'text' ? p.text : v[p.field])).join('');

/** A folder: rendered, cleaned and held to FOLDER_MAX_BYTES as one whole component. */
export function renderFolder(parts: TemplateComponent, v: FieldValues, fallback: string): string {
  return safeComponent(join(parts, v), fallback, FOLDER_MAX_BYTES);
}

/** The file name's stem: long titles (then uploaders...) are cut on a grapheme boundary, the id is kept. */
export function renderStem(parts: TemplateComponent, v: FieldValues, fallback: string): string {
  const values = { ...v };
  for (const field of SHRINKABLE) {
    const over = utf8Bytes(cleanText(join(parts, values))) - STEM_MAX_BYTES;
    if (over <= 0) break;
    const uses = parts.filter((p) => p.kind === 'field' && p.field === field).length;
    if (uses === 0) continue;
    const keep = Math.max(0, utf8Bytes(values[field]) - Math.ceil(over / uses));
    values[field] = trimEnds(truncateBytes(values[field], keep));
  }
  const stem = trimEnds(cleanText(join(parts, values)));
  if (utf8Bytes(stem) <= STEM_MAX_BYTES && stem !== '') return guardReserved(stem);
  // Fixed text and ids alone are too long (many {id}s): the plain "<title> [<id>]" always fits.
  return safeComponent(`${truncateBytes(v.title, STEM_MAX_BYTES - utf8Bytes(v.id) - 3)} [${v.id}]`, fallback, STEM_MAX_BYTES);
}
