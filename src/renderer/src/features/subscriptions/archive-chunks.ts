import type { IntlShape } from 'react-intl';
import type { ArchiveImport } from '../../../../shared/types';
import { t } from '../../i18n/t';

export interface ArchiveChunks {
  chunks: string[];
  /** Lines too long to send at all; they count as not understood. */
  tooLong: string[];
}

const encoder = new TextEncoder();
/** What a line costs inside a JSON message, in bytes (quotes and escapes included, plus its newline). */
const jsonBytes = (line: string) => encoder.encode(JSON.stringify(line)).length;

/**
 * Splits download-archive text into parts of whole lines, each at most `maxChars` characters and
 * `maxBytes` bytes once JSON-encoded, so every part fits one request. Blank lines are dropped.
 */
export function chunkArchive(text: string, maxChars: number, maxBytes: number): ArchiveChunks {
  const chunks: string[] = [];
  const tooLong: string[] = [];
  let lines: string[] = [];
  let chars = 0;
  let bytes = 0;
  const flush = () => {
    if (lines.length) chunks.push(lines.join('\n'));
    lines = [];
    chars = 0;
    bytes = 0;
  };
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line) continue;
    const c = line.length + 1;
    const b = jsonBytes(line);
    if (c > maxChars || b > maxBytes) {
      tooLong.push(line.slice(0, 120));
      continue;
    }
    if (chars + c > maxChars || bytes + b > maxBytes) flush();
    lines.push(line);
    chars += c;
    bytes += b;
  }
  flush();
  return { chunks, tooLong };
}

const SHOWN_INVALID = 3;

/** Adds up the replies to each part, with lines that were never sent counted as not understood. */
export function mergeImports(parts: ArchiveImport[], tooLong: string[] = []): ArchiveImport {
  const invalid = parts.flatMap((p) => p.invalid).concat(tooLong);
  return {
    added: parts.reduce((n, p) => n + p.added, 0),
    known: parts.reduce((n, p) => n + p.known, 0),
    invalid: invalid.slice(0, SHOWN_INVALID),
    invalidCount: parts.reduce((n, p) => n + p.invalidCount, 0) + tooLong.length,
  };
}

/** "Imported 120 videos (3 already known, 2 lines not understood: “x”, “y”)." */
export function importSummary(intl: IntlShape, r: ArchiveImport): string {
  const parts: string[] = [];
  if (r.known > 0) parts.push(t(intl, 'subs.archive.known', { count: r.known }));
  if (r.invalidCount > 0) {
    const shown = r.invalid.slice(0, SHOWN_INVALID).map((l) => t(intl, 'subs.archive.quoted', { text: l.length > 60 ? `${l.slice(0, 59)}…` : l }));
    const list = intl.formatList(shown, { type: 'unit' });
    const lines = r.invalidCount > shown.length ? t(intl, 'subs.archive.more', { list }) : list;
    parts.push(shown.length ? t(intl, 'subs.archive.invalidShown', { count: r.invalidCount, lines }) : t(intl, 'subs.archive.invalid', { count: r.invalidCount }));
  }
  if (parts.length === 0) return t(intl, 'subs.archive.imported', { count: r.added });
  return t(intl, 'subs.archive.importedDetails', { count: r.added, details: intl.formatList(parts, { type: 'unit' }) });
}
