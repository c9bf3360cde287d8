import type { LayoutFields } from './types';

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v : typeof v === 'number' && Number.isFinite(v) ? String(v) : null);

/** YYYYMMDD when it is a real calendar day, else null. */
export function validDate(v: unknown): string | null {
  const s = str(v);
  if (!s || !/^\d{8}$/u.test(s)) return null;
  const y = Number(s.slice(0, 4));
  const m = Number(s.slice(4, 6));
  const d = Number(s.slice(6, 8));
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d && y >= 1000 ? s : null;
}

function dateFromTimestamp(v: unknown): string | null {
  if (typeof v !== 'number' || !Number.isFinite(v)) return null;
  const t = new Date(v * 1000);
  if (Number.isNaN(t.getTime())) return null;
  return validDate(t.toISOString().slice(0, 10).replaceAll('-', ''));
}

/** The naming fields from a yt-dlp info json (its own fields; anything odd becomes null). */
export function fieldsFromInfo(info: Record<string, unknown>, ext: string, dayIndex = 1): LayoutFields {
  return {
    site: str(info.extractor_key) ?? str(info.extractor) ?? 'unknown',
    siteId: str(info.id) ?? '',
    title: str(info.title) ?? str(info.fulltitle) ?? '',
    uploader: str(info.uploader) ?? str(info.channel) ?? str(info.uploader_id) ?? null,
    channelId: str(info.channel_id) ?? str(info.uploader_id) ?? null,
    uploadDate: validDate(info.upload_date) ?? validDate(info.release_date) ?? dateFromTimestamp(info.timestamp) ?? dateFromTimestamp(info.release_timestamp),
    ext,
    dayIndex: Number.isInteger(dayIndex) && dayIndex > 0 ? dayIndex : 1,
  };
}
