/**
 * Issue 17's shapes: what a probe lists (formats, live state), a playlist's entries before anything
 * downloads, a clip's range, SponsorBlock and background preferences.
 */
import { z } from 'zod';

/**
 * yt-dlp format ids are short words (`137`, `hls-800`, `dash-video=1`); a choice may join a video and an
 * audio id with `+`. Nothing else reaches `-f`: no selectors, filters or commas from outside.
 */
export const FORMAT_ID_RE = /^[A-Za-z0-9_.=-]{1,64}(\+[A-Za-z0-9_.=-]{1,64})?$/;
export const formatIdSchema = z.string().regex(FORMAT_ID_RE, 'is not a format id');

export const formatSchema = z.object({
  id: z.string(),
  /** What the file holds. */
  kind: z.enum(['video+audio', 'video', 'audio']),
  ext: z.string().nullable(),
  width: z.number().int().nullable(),
  height: z.number().int().nullable(),
  fps: z.number().nullable(),
  vcodec: z.string().nullable(),
  acodec: z.string().nullable(),
  /** HDR10, HLG, DV… or null for SDR/unknown. */
  hdr: z.string().nullable(),
  /** Exact when the site says, else bitrate × duration; null when neither is known. */
  approxBytes: z.number().nullable(),
  audioLanguage: z.string().nullable(),
  /** Plays in editors and on older phones (H.264 video, AAC audio, MP4). */
  compatible: z.boolean(),
});
export type Format = z.infer<typeof formatSchema>;

export const LIVE_STATES = ['not_live', 'is_live', 'is_upcoming', 'was_live', 'post_live'] as const;

export const probeSchema = z.object({
  url: z.string(),
  title: z.string().nullable(),
  durationSec: z.number().nullable(),
  /** yt-dlp's live_status, null when the site does not say. */
  liveStatus: z.enum(LIVE_STATES).nullable(),
  /** A scheduled premiere's start (ms since epoch). */
  startsAt: z.number().nullable(),
  /** Best first. */
  formats: z.array(formatSchema),
});
export type Probe = z.infer<typeof probeSchema>;

export const clipRangeSchema = z.object({
  startSec: z.number().finite().min(0),
  endSec: z.number().finite().min(0),
});
export type ClipRange = z.infer<typeof clipRangeSchema>;

export const SPONSOR_CATEGORIES = ['sponsor', 'intro', 'selfpromo'] as const;
export const sponsorCategorySchema = z.enum(SPONSOR_CATEGORIES);
export type SponsorCategory = z.infer<typeof sponsorCategorySchema>;
export const sponsorActionSchema = z.enum(['off', 'remove', 'chapters']);
export type SponsorAction = z.infer<typeof sponsorActionSchema>;
export const sponsorBlockSchema = z.object({ sponsor: sponsorActionSchema, intro: sponsorActionSchema, selfpromo: sponsorActionSchema });
export type SponsorBlock = z.infer<typeof sponsorBlockSchema>;
export const SPONSORBLOCK_OFF: SponsorBlock = { sponsor: 'off', intro: 'off', selfpromo: 'off' };

/** "most compatible": H.264/AAC in MP4; "best": yt-dlp's own sorting, any codec. */
export const compatibilitySchema = z.enum(['compatible', 'best']);
export type Compatibility = z.infer<typeof compatibilitySchema>;

export const playlistEntrySchema = z.object({
  index: z.number().int(),
  url: z.string(),
  title: z.string().nullable(),
  durationSec: z.number().nullable(),
  /** The library video when this entry is already kept. */
  keptVideoId: z.string().nullable(),
});
export type PlaylistEntry = z.infer<typeof playlistEntrySchema>;

export const playlistPageSchema = z.object({
  listingId: z.string(),
  title: z.string().nullable(),
  /** Entries read so far; grows while `done` is false. */
  total: z.number().int(),
  done: z.boolean(),
  error: z.string().nullable(),
  entries: z.array(playlistEntrySchema),
});
export type PlaylistPage = z.infer<typeof playlistPageSchema>;

/** Desktop background behaviour; the headless host ignores it. */
export const backgroundSchema = z.object({
  /** null until the user (or the first subscription) decides. */
  keepRunning: z.boolean().nullable(),
  startAtLogin: z.boolean(),
  /** The "VidKeep keeps running" note was shown once. */
  toldKeepRunning: z.boolean(),
});
export type Background = z.infer<typeof backgroundSchema>;

/** "1:30" or "1:02:03" or "90" or "90.5" as seconds; null when it is not a time. */
export function parseClock(text: string): number | null {
  const t = text.trim();
  if (!/^\d{1,6}(?::\d{1,2}){0,2}(?:\.\d{1,3})?$/.test(t)) return null;
  const [main, frac] = t.split('.') as [string, string | undefined];
  const parts = main.split(':').map(Number);
  if (parts.slice(1).some((p) => p >= 60)) return null;
  const sec = parts.reduce((acc, p) => acc * 60 + p, 0);
  return sec + (frac ? Number(`0.${frac}`) : 0);
}

/** Seconds as people read a time in a video: 0:05, 12:30, 1:02:03. */
export function formatClock(sec: number): string {
  const s = Math.max(0, Math.floor(sec));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${rest}` : `${m}:${rest}`;
}

export const LIVE_RECORDING_STATES = ['waiting', 'queued', 'recording', 'stopping', 'done', 'failed'] as const;
/** A live stream or premiere being recorded, apart from the download queue (it never holds its slots). */
export const liveRecordingSchema = z.object({
  id: z.string(),
  url: z.string(),
  title: z.string().nullable(),
  state: z.enum(LIVE_RECORDING_STATES),
  /** A premiere's start: the recording waits until then. */
  startsAt: z.number().nullable(),
  startedAt: z.number().nullable(),
  /** Seconds recorded so far (from ffmpeg's own progress). */
  recordedSec: z.number().nullable(),
  videoId: z.string().nullable(),
  error: z.string().nullable(),
});
export type LiveRecording = z.infer<typeof liveRecordingSchema>;
