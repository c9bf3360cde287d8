/**
 * Subtitles in, WebVTT out: the one format a <track> plays everywhere. Pure (text to text), so
 * SRT, ASS/SSA and WebVTT are all read the same way and every cue can be indexed for search.
 */

export interface Cue {
  startMs: number;
  endMs: number;
  /** Plain text, lines joined by '\n'; markup and ASS override tags removed. */
  text: string;
}

export type SubtitleFormat = 'vtt' | 'srt' | 'ass';

export function formatOf(fileName: string): SubtitleFormat | null {
  const ext = /\.([A-Za-z]+)$/.exec(fileName)?.[1]?.toLowerCase();
  if (ext === 'vtt' || ext === 'srt') return ext;
  if (ext === 'ass' || ext === 'ssa') return 'ass';
  return null;
}

/** `01:02:03,456`, `02:03.456`, `1:02:03.45` (ASS centiseconds) -> ms; null when it is not a time. */
export function parseTime(s: string): number | null {
  const m = /^\s*(?:(\d+):)?(\d{1,2}):(\d{1,2})(?:[.,](\d{1,3}))?\s*$/.exec(s);
  if (!m) return null;
  const frac = m[4] ? Number(m[4].padEnd(3, '0')) : 0;
  return ((Number(m[1] ?? 0) * 60 + Number(m[2])) * 60 + Number(m[3])) * 1000 + frac;
}

const stripTags = (s: string) => s.replace(/<[^>]*>/g, '').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&nbsp;/g, ' ');

/** SRT and WebVTT share the cue shape: an optional id line, `start --> end`, then text lines. */
function parseBlocks(text: string): Cue[] {
  const cues: Cue[] = [];
  for (const block of text.replace(/\r\n?/g, '\n').split(/\n{2,}/)) {
    const lines = block.split('\n');
    const at = lines.findIndex((l) => l.includes('-->'));
    if (at < 0) continue;
    const [a, b] = lines[at]!.split('-->');
    const startMs = parseTime(a ?? '');
    // WebVTT settings ("align:start") follow the end time on the same line.
    const endMs = parseTime((b ?? '').trim().split(/\s+/)[0] ?? '');
    if (startMs === null || endMs === null) continue;
    const body = lines
      .slice(at + 1)
      .map((l) => stripTags(l).trim())
      .filter((l) => l !== '')
      .join('\n');
    if (body !== '') cues.push({ startMs, endMs: Math.max(endMs, startMs), text: body });
  }
  return cues;
}

function parseAss(text: string): Cue[] {
  const cues: Cue[] = [];
  let format: string[] | null = null;
  let inEvents = false;
  for (const raw of text.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.trim();
    if (/^\[.*\]$/.test(line)) {
      inEvents = line.toLowerCase() === '[events]';
      continue;
    }
    if (!inEvents) continue;
    if (/^format:/i.test(line)) format = line.slice(7).split(',').map((f) => f.trim().toLowerCase());
    if (!/^dialogue:/i.test(line) || !format) continue;
    const parts = line.slice(9).split(',');
    // Text is the last field and may itself hold commas.
    const fields = [...parts.slice(0, format.length - 1), parts.slice(format.length - 1).join(',')];
    const get = (name: string) => fields[format!.indexOf(name)] ?? '';
    const startMs = parseTime(get('start'));
    const endMs = parseTime(get('end'));
    const body = get('text')
      .replace(/\{[^}]*\}/g, '')
      .replace(/\\[Nn]/g, '\n')
      .replace(/\\h/g, ' ')
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l !== '')
      .join('\n');
    if (startMs !== null && endMs !== null && body !== '') cues.push({ startMs, endMs: Math.max(endMs, startMs), text: body });
  }
  return cues.sort((x, y) => x.startMs - y.startMs);
}

export function parseSubtitles(text: string, format: SubtitleFormat): Cue[] {
  const t = text.replace(/^\uFEFF/, '');
  return format === 'ass' ? parseAss(t) : parseBlocks(t);
}

const stamp = (ms: number) => {
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor(ms / 60_000) % 60;
  const s = Math.floor(ms / 1000) % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}.${String(ms % 1000).padStart(3, '0')}`;
};

/** Cue text is written as text: '<' and '&' escaped, so a subtitle can never carry markup. */
export function toWebVtt(cues: readonly Cue[]): string {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/-->/g, '--&gt;');
  const body = cues.map((c) => `${stamp(c.startMs)} --> ${stamp(c.endMs)}\n${esc(c.text).replace(/\n{2,}/g, '\n')}`).join('\n\n');
  return `WEBVTT\n\n${body}\n`;
}
