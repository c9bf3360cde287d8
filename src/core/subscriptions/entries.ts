import type { ListedEntry } from './types';

const SMUGGLE = /#__youtubedl_smuggle=.*$/;

/** yt-dlp hides a generic entry's id in the URL fragment; it names the archive line. */
function smuggledId(url: string): string | null {
  const m = /#__youtubedl_smuggle=(.*)$/.exec(url);
  if (!m) return null;
  try {
    const data = JSON.parse(decodeURIComponent(m[1]!.replace(/\+/g, ' '))) as { force_videoid?: unknown };
    return typeof data.force_videoid === 'string' ? data.force_videoid : null;
  } catch {
    return null;
  }
}

const str = (v: unknown): string | null => (typeof v === 'string' && v.length > 0 ? v : null);

/**
 * One line of `--flat-playlist --print %(.{…})j` as an entry, or null when it names nothing
 * downloadable. The key matches yt-dlp's own download archive: `<extractor key lowercased> <id>`.
 */
export function toListedEntry(raw: Record<string, unknown>): ListedEntry | null {
  // A flat entry's url is its page; a fully extracted one's url is the media file (a CDN link that
  // expires), so its page is webpage_url.
  const flat = raw._type === 'url' || raw._type === 'url_transparent' || raw._type === undefined;
  const rawUrl = (flat ? str(raw.url) ?? str(raw.webpage_url) : str(raw.webpage_url) ?? str(raw.url)) ?? null;
  if (!rawUrl || !/^https?:\/\//i.test(rawUrl)) return null;
  const url = rawUrl.replace(SMUGGLE, '');
  const smuggled = rawUrl.includes('__youtubedl_smuggle');
  const ie = str(raw.ie_key) ?? str(raw.extractor_key) ?? (smuggled || !raw.ie_key ? 'Generic' : null);
  const id = (smuggled ? smuggledId(rawUrl) : null) ?? str(raw.id) ?? smuggledId(rawUrl);
  const key = id && ie ? `${ie.toLowerCase()} ${id}` : `url ${url}`;
  const duration = typeof raw.duration === 'number' && Number.isFinite(raw.duration) ? raw.duration : null;
  const upload = str(raw.upload_date);
  const ts = typeof raw.timestamp === 'number' && Number.isFinite(raw.timestamp) ? raw.timestamp : null;
  const uploadDate = upload && /^\d{8}$/.test(upload) ? upload : ts !== null ? new Date(ts * 1000).toISOString().slice(0, 10).replace(/-/g, '') : null;
  return { key, url, title: str(raw.title), durationSec: duration, uploadDate, liveStatus: str(raw.live_status) };
}
