import type { Format, Probe } from '../../shared/choose';
import { LIVE_STATES } from '../../shared/choose';

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' && v !== 'none' ? v : null);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const int = (v: unknown): number | null => {
  const n = num(v);
  return n === null ? null : Math.round(n);
};

/** yt-dlp writes 'none' for a stream a format lacks; a missing field means unknown, which we treat as present. */
const has = (codec: unknown): boolean => codec !== 'none';

function isCompatible(vcodec: string | null, acodec: string | null, ext: string | null, kind: Format['kind']): boolean {
  const v = kind === 'audio' || (vcodec !== null && /^(avc|h264)/i.test(vcodec));
  const a = kind === 'video' || (acodec !== null && /^(mp4a|aac)/i.test(acodec));
  return v && a && (ext === null || ext === 'mp4' || ext === 'm4a');
}

/** One of yt-dlp's `formats[]` as the chooser shows it, or null for storyboards and other non-media. */
export function toFormat(f: Record<string, unknown>, durationSec: number | null): Format | null {
  const id = str(f.format_id);
  if (!id) return null;
  if (f.vcodec === 'none' && f.acodec === 'none') return null; // storyboards (mhtml)
  const ext = str(f.ext);
  if (ext === 'mhtml') return null;
  const video = has(f.vcodec);
  const audio = has(f.acodec);
  const kind: Format['kind'] = video && audio ? 'video+audio' : video ? 'video' : 'audio';
  const vcodec = kind === 'audio' ? null : str(f.vcodec);
  const acodec = kind === 'video' ? null : str(f.acodec);
  const range = str(f.dynamic_range);
  const tbr = num(f.tbr);
  const approxBytes = num(f.filesize) ?? num(f.filesize_approx) ?? (tbr !== null && durationSec !== null ? Math.round((tbr * 1000 * durationSec) / 8) : null);
  return {
    id,
    kind,
    ext,
    width: kind === 'audio' ? null : int(f.width),
    height: kind === 'audio' ? null : int(f.height),
    fps: kind === 'audio' ? null : num(f.fps),
    vcodec,
    acodec,
    hdr: range && range !== 'SDR' ? range : null,
    approxBytes,
    audioLanguage: kind === 'video' ? null : str(f.language),
    compatible: isCompatible(vcodec, acodec, ext, kind),
  };
}

/** Best first: taller, then higher frame rate, then bigger; audio-only formats after every video. */
function rank(a: Format, b: Format): number {
  const av = a.kind === 'audio' ? 0 : 1;
  const bv = b.kind === 'audio' ? 0 : 1;
  return bv - av || (b.height ?? 0) - (a.height ?? 0) || (b.fps ?? 0) - (a.fps ?? 0) || (b.approxBytes ?? 0) - (a.approxBytes ?? 0);
}

/** yt-dlp's `-J` output for one video as a probe; `url` is the link the user gave. */
export function toProbe(url: string, info: Record<string, unknown>): Probe {
  const durationSec = num(info.duration);
  const raw = Array.isArray(info.formats) ? (info.formats as unknown[]) : [info];
  const formats = raw
    .filter((f): f is Record<string, unknown> => typeof f === 'object' && f !== null)
    .map((f) => toFormat(f, durationSec))
    .filter((f): f is Format => f !== null)
    .sort(rank);
  const live = str(info.live_status);
  const release = num(info.release_timestamp);
  return {
    url,
    title: str(info.title),
    durationSec,
    liveStatus: live && (LIVE_STATES as readonly string[]).includes(live) ? (live as Probe['liveStatus']) : info.is_live === true ? 'is_live' : null,
    startsAt: release === null ? null : release * 1000,
    formats,
  };
}
