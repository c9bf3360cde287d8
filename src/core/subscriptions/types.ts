import type { Subscription } from '../../shared/types';

/** One entry of a flat listing, newest first. */
export interface ListedEntry {
  /** `site id` as in a yt-dlp download archive (or `url <address>` when the listing gives no id). */
  key: string;
  url: string;
  title: string | null;
  durationSec: number | null;
  /** YYYYMMDD when the listing says. */
  uploadDate: string | null;
  /** yt-dlp's live_status: 'is_upcoming' (premiere, scheduled stream) and 'is_live' are not ready yet. */
  liveStatus: string | null;
}

/**
 * Lists a channel/playlist lazily, newest first. The consumer stops early by returning from the
 * loop; the listing must then end its work (kill yt-dlp) without fetching further pages.
 */
export type Lister = (o: { url: string; max: number; signal: AbortSignal; onTitle?: (title: string) => void }) => AsyncIterable<ListedEntry>;

/** A subscription as stored; the view adds what the schedule and the running checks say. */
export type SubscriptionRecord = Omit<Subscription, 'nextCheckAt' | 'checking'>;
