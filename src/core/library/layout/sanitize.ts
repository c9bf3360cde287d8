/**
 * Turning untrusted text (titles, uploaders, ids) into one path component that is safe on Windows,
 * macOS and Linux and still readable: letters of every script and emoji stay, what a file system
 * refuses or treats specially goes.
 */

/** The most bytes (UTF-8) of one path component on common file systems. */
export const COMPONENT_MAX_BYTES = 255;

const encoder = new TextEncoder();
export const utf8Bytes = (s: string): number => encoder.encode(s).length;

// Marks that reorder text: in a file name they can make "evil‮4pm.exe" look like "evilexe.mp4".
const BIDI = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/gu;
// Controls (NUL, newlines, tabs, DEL, C1) and the Unicode line/paragraph separators.
const CONTROL = /[\p{Cc}\u2028\u2029]/gu;
// Unpaired surrogates cannot be written as UTF-8 at all.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/gu;
/** Windows device names: reserved with any extension ("con.txt", "LPT1.mp4"), in any case. */
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)$/iu;

/**
 * Characters Windows (and macOS Finder, for ':') refuse, replaced by readable look-alikes in plain
 * ASCII, so "AC/DC: Live?" reads "AC-DC - Live" rather than a folder "AC" and a mangled rest.
 */
function replaceForbidden(s: string): string {
  return s
    .replace(/\s*:\s*/gu, ' - ')
    .replace(/[/\\|]/gu, '-')
    .replace(/"/gu, "'")
    .replace(/</gu, '(')
    .replace(/>/gu, ')')
    .replace(/[?*]/gu, '');
}

/** Normalised, bidi marks and controls gone, forbidden characters replaced, whitespace collapsed. */
export function cleanText(value: string): string {
  return replaceForbidden(
    value
      .replace(LONE_SURROGATE, '')
      .normalize('NFC')
      .replace(BIDI, '')
      .replace(CONTROL, ' '),
  )
    .replace(/\s+/gu, ' ')
    .trim();
}

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** The longest prefix within `maxBytes` that ends on a grapheme boundary (an emoji or accent stays whole). */
export function truncateBytes(s: string, maxBytes: number): string {
  if (utf8Bytes(s) <= maxBytes) return s;
  let out = '';
  let used = 0;
  for (const { segment } of segmenter.segment(s)) {
    const n = utf8Bytes(segment);
    if (used + n > maxBytes) break;
    out += segment;
    used += n;
  }
  return out;
}

/**
 * Leading dots hide a file on Unix ("..", "." are never names), a leading dash reads as an option
 * in a terminal; trailing dots and spaces vanish on Windows.
 */
export function trimEnds(s: string): string {
  return s.replace(/^[\s.-]+/u, '').replace(/[\s.]+$/u, '');
}

/** A Windows device name ("CON", "con.txt", "Nul .mp4") gets a leading underscore. */
export function guardReserved(name: string): string {
  const stem = (name.split('.')[0] ?? '').trim();
  return RESERVED.test(stem) ? `_${name}` : name;
}

/**
 * One whole path component from untrusted text: never empty (the fallback instead), never "." or
 * "..", never a device name, at most `maxBytes` UTF-8 bytes.
 */
export function safeComponent(value: string | null | undefined, fallback: string, maxBytes = COMPONENT_MAX_BYTES): string {
  let s = trimEnds(truncateBytes(cleanText(value ?? ''), maxBytes));
  if (s === '') s = fallback;
  s = guardReserved(s);
  // The underscore may have pushed it one byte over.
  return trimEnds(truncateBytes(s, maxBytes)) || fallback;
}

// Id characters kept as they are; everything else (and '%' itself) is percent-encoded, so two
// different ids can never give the same name. '~' is left out: it marks a shortened id.
const ID_KEEP = /^[A-Za-z0-9_\-.+=,@!'()&$#;]$/u;
export const ID_MAX_BYTES = 64;

/**
 * A site id as text in a name: one-to-one (percent-encoding), never a separator, never a dot at
 * either end; a very long id keeps its start and a hash of the whole, joined by '~'.
 */
export function encodeId(id: string, hash: (s: string) => string): string {
  let out = '';
  for (const ch of id) {
    if (ID_KEEP.test(ch)) out += ch;
    else for (const b of encoder.encode(ch)) out += `%${b.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  // A leading or trailing dot is encoded too, so "[.]" or a hidden-looking part never appears.
  out = out.replace(/^\./u, '%2E').replace(/\.$/u, '%2E');
  if (out === '') return '%00';
  // A device name ("CON") gets its first letter encoded: still one-to-one, never reserved.
  if (RESERVED.test((out.split('.')[0] ?? '').trim())) out = `%${out.charCodeAt(0).toString(16).toUpperCase()}${out.slice(1)}`;
  if (out.length <= ID_MAX_BYTES) return out;
  return `${out.slice(0, ID_MAX_BYTES - 17)}~${hash(id).slice(0, 16)}`;
}

/** A file extension: letters and digits only, lower case; anything else is "bin". */
export function safeExt(ext: string): string {
  const e = ext.replace(/^\./u, '').toLowerCase();
  return /^[a-z0-9]{1,10}$/u.test(e) ? e : 'bin';
}
