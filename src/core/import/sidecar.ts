/**
 * yt-dlp's `<stem>.info.json` beside a media file, read as untrusted data: only an object with an
 * extractor and an id counts; every field is type-checked and bounded before it reaches a row.
 */
import { storedSiteId } from '../library/identity';

/** Larger than any info json yt-dlp writes (formats lists included); bigger is not read. */
export const MAX_INFO_BYTES = 32 * 1024 * 1024;

export interface SidecarMeta {
  site: string;
  /** As stored (a generic link's id is its URL, see library/identity.ts). */
  siteId: string;
  title: string | null;
  uploader: string | null;
  description: string | null;
  duration: number | null;
  sourceUrl: string;
  /** Exact bytes of a single-format download, to tell a truncated file; null when unknown. */
  filesize: number | null;
  /** The parsed object, as the library stores it. */
  info: Record<string, unknown>;
}

const str = (v: unknown, max: number): string | null => (typeof v === 'string' && v.trim() !== '' ? v.slice(0, max) : null);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : null);
const SITE = /^[A-Za-z0-9_:.-]{1,64}$/;

/** The metadata, or null when the text is not a usable info json (broken, or missing site or id). */
export function parseSidecar(text: string): SidecarMeta | null {
  let info: unknown;
  try {
    info = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof info !== 'object' || info === null || Array.isArray(info)) return null;
  const o = info as Record<string, unknown>;
  const site = str(o.extractor_key, 64) ?? str(o.ie_key, 64) ?? str(o.extractor, 64);
  const id = str(o.id, 512) ?? (typeof o.id === 'number' && Number.isSafeInteger(o.id) ? String(o.id) : null);
  if (!site || !SITE.test(site) || !id) return null;
  const url = str(o.webpage_url, 4096) ?? str(o.original_url, 4096) ?? '';
  const sourceUrl = /^https?:\/\//i.test(url) ? url : '';
  const formatId = str(o.format_id, 200);
  return {
    site,
    siteId: storedSiteId(site, id, sourceUrl || id),
    title: str(o.title, 1000) ?? str(o.fulltitle, 1000),
    uploader: str(o.uploader, 500) ?? str(o.channel, 500),
    description: str(o.description, 20_000),
    duration: num(o.duration),
    sourceUrl,
    // A merged download (format "137+140") reports sizes of its parts, not of the file.
    filesize: formatId && !formatId.includes('+') ? num(o.filesize) : null,
    info: o,
  };
}
