import { VidKeepError } from '../../../shared/errors';

/**
 * The custom layout template: literal text, `{field}` placeholders from a small documented set, and
 * `/` between folders. Only the template's own `/` makes a folder; a field's value never does (it
 * is cleaned as one component's text). No yt-dlp `%(...)s` syntax: a `%` is just a character.
 */
export const TEMPLATE_FIELDS = ['title', 'uploader', 'channel_id', 'id', 'site', 'upload_date', 'year', 'month', 'day'] as const;
export type TemplateField = (typeof TEMPLATE_FIELDS)[number];

/** Presets also use `episode` (MMDD and the day's number), which custom templates do not offer. */
export type InternalField = TemplateField | 'episode';
export type TemplatePart = { kind: 'text'; text: string } | { kind: 'field'; field: InternalField };
/** One folder or the file name (without extension), as parts. */
export type TemplateComponent = TemplatePart[];

export const TEMPLATE_MAX_LENGTH = 300;
export const TEMPLATE_MAX_FOLDERS = 4;
/** Literal text per component is kept short so titles keep room within 255 bytes. */
export const TEMPLATE_MAX_LITERAL_BYTES = 60;

const invalid = (reason: string, message: string, values: Record<string, string | number> = {}) =>
  new VidKeepError('invalid-input', message, 'Use fields like {uploader}/{year}/{title} [{id}]; only / makes folders.', { reason, ...values });

/** Characters a literal part may not hold: they are refused on some system, or are a separator. */
// eslint-disable-next-line no-control-regex
const BAD_LITERAL = /[<>:"\\|?*\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029\ufeff]/u;

/** Parses a template, or throws the reason it is refused (a VidKeepError 'invalid-input'). */
export function parseTemplate(template: string, fields: readonly string[] = TEMPLATE_FIELDS): TemplateComponent[] {
  const t = template.trim();
  if (t === '') throw invalid('layoutEmpty', 'The custom layout template is empty.');
  if (t.length > TEMPLATE_MAX_LENGTH) throw invalid('layoutTooLong', `The custom layout template is longer than ${TEMPLATE_MAX_LENGTH} characters.`, { max: TEMPLATE_MAX_LENGTH });
  if (t.startsWith('/') || /^[A-Za-z]:/u.test(t) || t.startsWith('~')) throw invalid('layoutAbsolute', 'A layout template is relative to the library folder; it cannot start with /, ~ or a drive.');
  const bad = BAD_LITERAL.exec(t.replace(/\{[^{}]*\}/gu, ''));
  if (bad) {
    const ch = bad[0];
    const shown = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u.test(ch) ? `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}` : ch;
    throw invalid('layoutChar', `The layout template holds “${shown}”, which file names cannot hold on every system.`, { char: shown });
  }
  const raw = t.split('/');
  if (raw.length - 1 > TEMPLATE_MAX_FOLDERS) throw invalid('layoutDeep', `A layout template can make at most ${TEMPLATE_MAX_FOLDERS} folders.`, { max: TEMPLATE_MAX_FOLDERS });
  const components = raw.map((c) => parseComponent(c, fields));
  const last = components[components.length - 1]!;
  if (!last.some((p) => p.kind === 'field' && p.field === 'id')) {
    throw invalid('layoutNoId', 'The file name part of the template (after the last /) must hold {id}, so two videos never share a name.');
  }
  return components;
}

function parseComponent(c: string, fields: readonly string[]): TemplateComponent {
  if (c.trim() === '') throw invalid('layoutEmptyFolder', 'The layout template has an empty folder name (two / in a row, or a / at the end).');
  if (/^\.+$/u.test(c.trim())) throw invalid('layoutDots', 'A folder in the layout template cannot be “.” or “..”.');
  const parts: TemplateComponent = [];
  let literalBytes = 0;
  const re = /\{([^{}]*)\}|([^{}]+)|([{}])/gu;
  for (const m of c.matchAll(re)) {
    if (m[3] !== undefined) throw invalid('layoutBrace', 'The layout template has a { or } without its pair.');
    if (m[2] !== undefined) {
      parts.push({ kind: 'text', text: m[2] });
      literalBytes += new TextEncoder().encode(m[2]).length;
      continue;
    }
    const name = (m[1] ?? '').trim();
    if (!fields.includes(name)) throw invalid('layoutField', `“{${name}}” is not a field VidKeep knows.`, { field: name, fields: TEMPLATE_FIELDS.map((f) => `{${f}}`).join(' ') });
    parts.push({ kind: 'field', field: name as InternalField });
  }
  if (literalBytes > TEMPLATE_MAX_LITERAL_BYTES) throw invalid('layoutLiteral', `A part of the layout template holds more than ${TEMPLATE_MAX_LITERAL_BYTES} bytes of fixed text.`, { max: TEMPLATE_MAX_LITERAL_BYTES });
  return parts;
}

/** null when the template is acceptable, else the error saying why it is not. */
export function checkTemplate(template: string): VidKeepError | null {
  try {
    parseTemplate(template);
    return null;
  } catch (err) {
    if (err instanceof VidKeepError) return err;
    throw err;
  }
}
