/**
 * Kodi / Jellyfin sidecars for the media-server layout: `<stem>.nfo` (episodedetails) per video and
 * `tvshow.nfo` per channel folder. Pure: the text of the files from a yt-dlp info json.
 */
import { xmlDocument, type XmlElement } from './xml';

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v : typeof v === 'number' && Number.isFinite(v) ? String(v) : null);
const el = (name: string, text: string | null, attrs?: Record<string, string>): XmlElement | null => (text === null ? null : { name, text, ...(attrs ? { attrs } : {}) });

/** YYYYMMDD to YYYY-MM-DD, only for a real-looking date. */
function isoDate(v: unknown): string | null {
  const s = str(v);
  return s && /^\d{8}$/.test(s) ? `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}` : null;
}

/** The site as a uniqueid type: lower-case letters and digits ("youtube", "generic"). */
function siteType(info: Record<string, unknown>): string {
  return (str(info.extractor_key) ?? str(info.extractor) ?? 'site').toLowerCase().replace(/[^a-z0-9]+/g, '') || 'site';
}

/**
 * Season and episode as the media-server file name says them (`S2024E031502`), so Kodi's numbers
 * match the file; from the upload date (episode MMDD01) when the name has none.
 */
export function seasonEpisode(stem: string, uploadDate: string | null): { season: string; episode: string } | null {
  const m = /\bS(\d{4})E(\d{6,})\b/.exec(stem);
  if (m) return { season: String(Number(m[1])), episode: String(Number(m[2])) };
  if (uploadDate && /^\d{8}$/.test(uploadDate)) return { season: String(Number(uploadDate.slice(0, 4))), episode: String(Number(`${uploadDate.slice(4, 8)}01`)) };
  return null;
}

export interface EpisodeInput {
  info: Record<string, unknown>;
  /** The video file's name without extension. */
  stem: string;
  /** File name of the poster beside the video (`<stem>-thumb.jpg`), when one was written. */
  thumbName: string | null;
}

export function episodeNfo({ info, stem, thumbName }: EpisodeInput): string {
  const aired = isoDate(info.upload_date) ?? isoDate(info.release_date);
  const se = seasonEpisode(stem, str(info.upload_date));
  const duration = typeof info.duration === 'number' && Number.isFinite(info.duration) && info.duration > 0 ? info.duration : null;
  const id = str(info.id);
  return xmlDocument('episodedetails', [
    el('title', str(info.title) ?? str(info.fulltitle) ?? stem),
    el('showtitle', str(info.uploader) ?? str(info.channel)),
    el('plot', str(info.description)),
    el('aired', aired),
    el('premiered', aired),
    el('season', se?.season ?? null),
    el('episode', se?.episode ?? null),
    // Kodi's runtime is whole minutes.
    el('runtime', duration === null ? null : String(Math.max(1, Math.round(duration / 60)))),
    el('uniqueid', id, { type: siteType(info), default: 'true' }),
    el('thumb', thumbName),
  ]);
}

export function tvshowNfo(info: Record<string, unknown>, posterName: string | null): string {
  const channelId = str(info.channel_id) ?? str(info.uploader_id);
  return xmlDocument('tvshow', [
    el('title', str(info.uploader) ?? str(info.channel) ?? channelId ?? 'Unknown channel'),
    // A channel's own description, when yt-dlp gave one with this video; never the video's.
    el('plot', str(info.channel_description)),
    el('uniqueid', channelId, { type: siteType(info), default: 'true' }),
    el('thumb', posterName),
  ]);
}
