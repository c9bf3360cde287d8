/** A yt-dlp download-archive line: `<extractor> <id>`, the extractor in lower case. */
const LINE = /^([a-z0-9_:.-]{1,64}) (\S{1,512})$/i;

export interface ParsedArchive {
  keys: string[];
  invalid: string[];
  invalidCount: number;
}

/** Parses archive text; blank lines and `#` comments are skipped, anything else odd is reported. */
export function parseArchive(text: string, showInvalid = 5): ParsedArchive {
  const keys: string[] = [];
  const invalid: string[] = [];
  let invalidCount = 0;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim().replace(/\s+/g, ' ');
    if (line === '' || line.startsWith('#')) continue;
    const m = LINE.exec(line);
    if (m) keys.push(`${m[1]!.toLowerCase()} ${m[2]!}`);
    else {
      invalidCount++;
      if (invalid.length < showInvalid) invalid.push(line.slice(0, 120));
    }
  }
  return { keys, invalid, invalidCount };
}

export function formatArchive(keys: Iterable<string>): string {
  const out = [...new Set(keys)].sort();
  return out.length ? `${out.join('\n')}\n` : '';
}
