import type { Progress, Stage } from '../../shared/types';
import { MARK } from './markers';

/** What yt-dlp tells us about a video or playlist entry before downloading it. */
export interface ProbeInfo {
  /** Null for flat playlist entries that have none yet. */
  id: string | null;
  title: string | null;
  site: string | null;
  type: string;
  url: string | null;
  webpageUrl: string | null;
  thumbnail: string | null;
  uploader: string | null;
  duration: number | null;
  /** Bytes the chosen format takes, exactly or roughly, when the site says. */
  sizeBytes: number | null;
}

export type YtEvent =
  | { kind: 'progress'; progress: Progress }
  | { kind: 'postprocess'; status: 'started' | 'finished' | 'processing'; name: string; progress: Progress | null }
  | { kind: 'info'; info: ProbeInfo }
  | { kind: 'playlist'; id: string; title: string | null; count: number | null }
  | { kind: 'file'; path: string }
  | { kind: 'downloaded'; path: string }
  | { kind: 'size'; bytes: number | null };

const PREFIXES = Object.values(MARK);

/**
 * yt-dlp 2023.03 ends postprocess-template lines without a newline, so markers can follow one
 * another on a line. Split after a complete JSON value (`}` or an unescaped `"`) that is
 * followed by a marker.
 */
export function splitMarked(line: string): string[] {
  return line.split(/(?<=(?<!\\)["}])(?=VK:(?:PROG|PP|INFO|LIST|FILE|DONE|SIZE))/).filter((s) => s !== '');
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' && v !== 'NA' ? v : null);

function parseJson(text: string): Record<string, unknown> | null {
  try {
    const v = JSON.parse(text) as unknown;
    return v && typeof v === 'object' ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

function downloadStage(vcodec: string | null, acodec: string | null): Stage {
  if (vcodec === 'none') return 'downloading-audio';
  if (acodec === 'none') return 'downloading-video';
  return 'downloading';
}

function toProgress(o: Record<string, unknown>): Progress | null {
  const p = o.p && typeof o.p === 'object' ? (o.p as Record<string, unknown>) : null;
  if (!p) return null;
  const stage = downloadStage(str(o.v), str(o.a));
  const done = num(p.downloaded_bytes);
  const total = num(p.total_bytes) ?? num(p.total_bytes_estimate);
  if (p.status === 'finished') {
    const size = total ?? done;
    return { stage, percent: 100, downloadedBytes: size, totalBytes: size, speed: num(p.speed), eta: 0 };
  }
  if (p.status !== 'downloading') return null;
  let percent: number | null = null;
  if (done !== null && total) percent = Math.min(100, (done / total) * 100);
  else {
    const fi = num(p.fragment_index);
    const fc = num(p.fragment_count);
    if (fi !== null && fc) percent = Math.min(100, ((fi - 1) / fc) * 100);
  }
  if (percent !== null) percent = Math.round(percent * 10) / 10;
  return { stage, percent, downloadedBytes: done, totalBytes: total, speed: num(p.speed), eta: num(p.eta) };
}

/**
 * A lower bound of the bytes a download will write: exact or approximate sizes of the parts
 * (video + audio) when merged, else of the one format; null when nothing is known.
 */
export function sizeOf(o: Record<string, unknown>): number | null {
  const exact = Array.isArray(o.rf) ? o.rf : [];
  const approx = Array.isArray(o.rfa) ? o.rfa : [];
  const parts = Math.max(exact.length, approx.length);
  let sum = 0;
  let known = false;
  for (let i = 0; i < parts; i++) {
    const n = num(exact[i]) ?? num(approx[i]);
    if (n !== null && n > 0) {
      sum += n;
      known = true;
    }
  }
  if (known) return sum;
  const one = num(o.f) ?? num(o.fa);
  return one !== null && one > 0 ? one : null;
}

const indeterminate = (stage: Stage): Progress => ({ stage, percent: null, downloadedBytes: null, totalBytes: null, speed: null, eta: null });

/** One marked segment of yt-dlp's stdout to an event; anything else (other output) is null. */
export function parseLine(segment: string): YtEvent | null {
  const line = segment.trimEnd();
  const prefix = PREFIXES.find((m) => line.startsWith(m));
  if (!prefix) return null;
  const body = line.slice(prefix.length);
  if (prefix === MARK.file || prefix === MARK.downloaded) {
    try {
      const path = JSON.parse(body) as unknown;
      if (typeof path !== 'string' || path === '') return null;
      return prefix === MARK.file ? { kind: 'file', path } : { kind: 'downloaded', path };
    } catch {
      return null;
    }
  }
  const o = parseJson(body);
  if (!o) return null;
  switch (prefix) {
    case MARK.progress: {
      const progress = toProgress(o);
      return progress ? { kind: 'progress', progress } : null;
    }
    case MARK.postprocess: {
      const name = str(o.pp) ?? 'unknown';
      const status = o.s === 'started' || o.s === 'finished' ? o.s : 'processing';
      // Moving files into place is instant and not worth a stage of its own.
      const stage: Stage | null = name === 'MoveFiles' ? null : name === 'Merger' ? 'merging' : 'post-processing';
      return { kind: 'postprocess', status, name, progress: stage && status !== 'finished' ? indeterminate(stage) : null };
    }
    case MARK.info: {
      const id = str(o.id) ?? (typeof o.id === 'number' ? String(o.id) : null);
      const type = str(o._type) ?? 'video';
      if (!id && type === 'video') return null;
      return {
        kind: 'info',
        info: {
          id,
          title: str(o.title),
          site: str(o.extractor_key),
          type,
          url: str(o.url),
          webpageUrl: str(o.webpage_url),
          thumbnail: str(o.thumbnail),
          uploader: str(o.uploader),
          duration: num(o.duration),
          sizeBytes: num(o.filesize) ?? num(o.filesize_approx),
        },
      };
    }
    case MARK.size:
      return { kind: 'size', bytes: sizeOf(o) };
    case MARK.playlist:
      return { kind: 'playlist', id: str(o.id) ?? '', title: str(o.title), count: num(o.playlist_count) };
    default:
      return null;
  }
}
