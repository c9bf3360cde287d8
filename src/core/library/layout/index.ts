import { createHash } from 'node:crypto';
import type { VidKeepError } from '../../../shared/errors';
import { checkTemplate, parseTemplate, TEMPLATE_FIELDS, type InternalField, type TemplateComponent } from './template';
import { presetTemplate } from './presets';
import { renderFolder, renderStem, STEM_MAX_BYTES, FOLDER_MAX_BYTES, type FieldValues } from './render';
import { cleanText, encodeId, safeExt, trimEnds } from './sanitize';
import type { LayoutFields, LayoutSetting } from './types';

export type { LayoutFields, LayoutPreset, LayoutSetting } from './types';
export { DEFAULT_LAYOUT, LAYOUT_PRESETS } from './types';
export { fieldsFromInfo } from './fields';
export { checkTemplate, TEMPLATE_FIELDS };
export { STEM_MAX_BYTES, FOLDER_MAX_BYTES };
export { COMPONENT_MAX_BYTES } from './sanitize';

/** File-name text for a missing value (file names are the same in every UI language). */
export const FALLBACK = { title: 'Untitled', uploader: 'Unknown uploader', channel: 'Unknown channel', site: 'Unknown site', date: 'Unknown date', year: 'Unknown year' } as const;

const PRESET_FIELDS: readonly string[] = [...TEMPLATE_FIELDS, 'episode'];

const sha = (s: string) => createHash('sha256').update(s).digest('hex');
/** A text field as one component's text: no separators, no dots at either end, never empty. */
const text = (v: string | null, fallback: string) => trimEnds(cleanText(v ?? '')) || fallback;

function values(f: LayoutFields): FieldValues {
  const d = f.uploadDate;
  return {
    title: text(f.title, FALLBACK.title),
    uploader: text(f.uploader, FALLBACK.uploader),
    channel_id: f.channelId ? encodeId(f.channelId, sha) : FALLBACK.channel,
    id: encodeId(f.siteId, sha),
    site: text(f.site, FALLBACK.site),
    upload_date: d ? `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}` : FALLBACK.date,
    year: d ? d.slice(0, 4) : FALLBACK.year,
    month: d ? d.slice(4, 6) : '00',
    day: d ? d.slice(6, 8) : '00',
    episode: `${d ? d.slice(4, 8) : ''}${String(Math.max(1, Math.floor(f.dayIndex) || 1)).padStart(2, '0')}`,
  };
}

function compiled(layout: LayoutSetting, f: LayoutFields): TemplateComponent[] {
  if (layout.preset === 'custom') {
    // A template that no longer passes (saved by an older build, edited by hand) falls back to the default.
    if (checkTemplate(layout.template) === null) return parseTemplate(layout.template);
    return parseTemplate(presetTemplate('channel', f), PRESET_FIELDS);
  }
  return parseTemplate(presetTemplate(layout.preset, f), PRESET_FIELDS);
}

/**
 * The library-relative path ('/' separators, with the extension) of a new download. Always safe:
 * relative, no "." or ".." component, no empty one, every component within 255 UTF-8 bytes and a
 * valid name on Windows, macOS and Linux; different ids never give the same path.
 */
export function planPath(layout: LayoutSetting, f: LayoutFields): string {
  const v = values(f);
  const components = compiled(layout, f);
  const folders = components.slice(0, -1).map((c) => renderFolder(c, v, FALLBACK.uploader));
  const stem = renderStem(components[components.length - 1]!, v, FALLBACK.title);
  return [...folders, `${stem}.${safeExt(f.ext)}`].join('/');
}

/**
 * The n-th alternative to a taken stem: " (n)" goes before a trailing " [id]" so the id stays last,
 * else at the end. n ≥ 2.
 */
export function numberedStem(stem: string, n: number): string {
  const m = /^(.*?)( \[[^\]]*\])$/su.exec(stem);
  return m ? `${m[1]} (${n})${m[2]}` : `${stem} (${n})`;
}

/** For error messages and previews: the template's problem, if any, as a plain value. */
export type TemplateProblem = VidKeepError | null;
export type { InternalField };
