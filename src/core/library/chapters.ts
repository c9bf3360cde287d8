import type { Chapter } from '../../shared/types';

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** Chapters as yt-dlp's info json lists them (start_time, end_time, title); bad entries dropped. */
export function chaptersFromInfo(info: unknown): Chapter[] {
  const list = info && typeof info === 'object' ? (info as { chapters?: unknown }).chapters : null;
  if (!Array.isArray(list)) return [];
  return clean(
    list.map((c: unknown, i) => {
      const o = (c && typeof c === 'object' ? c : {}) as Record<string, unknown>;
      return { title: typeof o.title === 'string' && o.title.trim() ? o.title.trim() : `Chapter ${i + 1}`, startSec: num(o.start_time) ?? -1, endSec: num(o.end_time) };
    }),
  );
}

/** `ffprobe -show_chapters -of json` output (start_time/end_time are strings there). */
export function chaptersFromProbe(json: string): Chapter[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return [];
  }
  const list = (parsed as { chapters?: unknown } | null)?.chapters;
  if (!Array.isArray(list)) return [];
  return clean(
    list.map((c: unknown, i) => {
      const o = (c && typeof c === 'object' ? c : {}) as { start_time?: string; end_time?: string; tags?: { title?: unknown } };
      const title = typeof o.tags?.title === 'string' && o.tags.title.trim() ? o.tags.title.trim() : `Chapter ${i + 1}`;
      const end = Number(o.end_time);
      return { title, startSec: Number(o.start_time ?? -1), endSec: Number.isFinite(end) ? end : null };
    }),
  );
}

function clean(list: Chapter[]): Chapter[] {
  return list
    .filter((c) => Number.isFinite(c.startSec) && c.startSec >= 0)
    .map((c) => ({ ...c, title: c.title.slice(0, 300) }))
    .sort((a, b) => a.startSec - b.startSec)
    .slice(0, 1000);
}
